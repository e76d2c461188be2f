import { m } from "framer-motion";
import { useSlideStep } from "../live/useSlide.ts";
import { EASE_OUT, stepAttribute, useMotionPreference } from "./motion.tsx";
import { useStrings } from "../i18n/react.tsx";
import { diagramsStrings } from "./strings.ts";
import { diagramIsland } from "./island.tsx";
import "./diagrams.css";
import "./LayerStack.css";

export interface LayerStackProps {
  /** Step at which layer 7 lights up, with "WebSocket" emphasised. Default 0: lit from the start. */
  highlightStep?: number;
  /** Step at which layer 4's TCP is marked as the connection WebSocket runs over. Default: never. */
  transportStep?: number;
  caption?: string;
}

interface Layer {
  number: 7 | 6 | 5 | 4 | 3 | 2 | 1;
  /** Protocol examples, only where the OSI placement is uncontroversial (names in strings.ts). */
  examples: readonly string[];
}

/** The OSI model, top to bottom. */
export const OSI_LAYERS: readonly Layer[] = [
  { number: 7, examples: ["HTTP", "WebSocket"] },
  { number: 6, examples: [] },
  { number: 5, examples: [] },
  { number: 4, examples: ["TCP", "UDP"] },
  { number: 3, examples: ["IP"] },
  { number: 2, examples: ["Ethernet", "Wi-Fi"] },
  { number: 1, examples: [] },
];

export default diagramIsland(LayerStackFigure);

function LayerStackFigure({ highlightStep = 0, transportStep, caption }: LayerStackProps) {
  const t = useStrings(diagramsStrings).layers;
  const [ref, step] = useSlideStep<HTMLElement>();
  const { transition } = useMotionPreference();
  const lit = step >= highlightStep;
  const marked = transportStep !== undefined && step >= transportStep;

  return (
    <figure ref={ref} className="diagram layers">
      <div className="layers__body">
        {transportStep === undefined ? null : (
          <span className="layers__link" data-step={stepAttribute(transportStep)} aria-hidden="true">
            <m.span
              className="layers__link-line"
              initial={false}
              animate={{ scaleY: marked ? 1 : 0 }}
              transition={transition(
                marked ? { duration: 0.8, ease: EASE_OUT, delay: 0.15 } : { duration: 0.2 },
              )}
            />
          </span>
        )}
        <ol className="layers__stack" aria-label={t.label}>
          {OSI_LAYERS.map((layer) => {
            const isLit = layer.number === 7 && lit;
            const isMarked = layer.number === 4 && marked;
            return (
              <li
                key={layer.number}
                className={`layers__layer${isLit ? " layers__layer--lit" : ""}${isMarked ? " layers__layer--marked" : ""}`}
              >
                <span className="layers__number">{layer.number}</span>
                <span className="layers__name">{t.names[layer.number]}</span>
                {layer.number === 7 && highlightStep > 0 ? (
                  <span className="layers__tag" data-step={stepAttribute(highlightStep)}>
                    {t.websocketHere}
                  </span>
                ) : null}
                {layer.number === 4 && transportStep !== undefined ? (
                  <span className="layers__tag" data-step={stepAttribute(transportStep)}>
                    {t.websocketConnection}
                  </span>
                ) : null}
                <span className="layers__examples">
                  {(layer.number === 1 ? t.media : layer.examples).map((example, index) => {
                    const key =
                      (layer.number === 7 && example === "WebSocket" && isLit) ||
                      (layer.number === 4 && example === "TCP" && isMarked);
                    return (
                      <span key={example}>
                        {index > 0 ? <span className="layers__sep"> · </span> : null}
                        <span className={key ? "layers__example layers__example--key" : "layers__example"}>
                          {example}
                        </span>
                      </span>
                    );
                  })}
                </span>
                {isLit ? <span className="sr-only">{t.litNote}</span> : null}
                {isMarked ? <span className="sr-only">{t.markedNote}</span> : null}
              </li>
            );
          })}
        </ol>
      </div>
      {caption ? <figcaption className="diagram__caption">{caption}</figcaption> : null}
    </figure>
  );
}
