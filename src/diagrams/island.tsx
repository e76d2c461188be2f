import type { ComponentType } from "react";
import { withLocale } from "../i18n/react.tsx";
import { DiagramMotion } from "./motion.tsx";

/**
 * A diagram as the slides place it (src/components/diagrams): the figure in the page's language
 * (the `locale` prop, see withLocale) and inside <DiagramMotion>, which its animations need.
 */
export function diagramIsland<P extends object>(Figure: ComponentType<P>) {
  return withLocale(function Diagram(props: P) {
    return (
      <DiagramMotion>
        <Figure {...props} />
      </DiagramMotion>
    );
  });
}
