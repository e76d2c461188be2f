// Components that slides may use without importing them (see slides/ and src/components/diagrams/).
import Steps from "./Steps.astro";
import Step from "./Step.astro";
import Poll from "./Poll.astro";
import Quiz from "./Quiz.astro";
import Questions from "./Questions.astro";
import WordCloud from "./WordCloud.astro";
import Exchange from "./diagrams/Exchange.astro";
import Timeline from "./diagrams/Timeline.astro";
import LayerStack from "./diagrams/LayerStack.astro";
import BarCompare from "./diagrams/BarCompare.astro";
import FrameHeader from "./diagrams/FrameHeader.astro";
import HandshakeInspector from "./demos/HandshakeInspector.astro";
import DuplexPing from "./demos/DuplexPing.astro";
import WireInspector from "./demos/WireInspector.astro";
import DeliveryRace from "./demos/DeliveryRace.astro";
import PageVsAjax from "./demos/PageVsAjax.astro";
import RequestResponse from "./demos/RequestResponse.astro";
import BrowserTally from "./demos/BrowserTally.astro";
import PythonInRoom from "./demos/PythonInRoom.astro";
import PushNotify from "./PushNotify.astro";
import SensorStream from "./SensorStream.astro";

export const mdxComponents = { Steps, Step, Poll, Quiz, Questions, WordCloud, Exchange, Timeline, LayerStack, BarCompare, FrameHeader, HandshakeInspector, BrowserTally, RequestResponse, PageVsAjax, DeliveryRace, WireInspector, DuplexPing, PushNotify, SensorStream, PythonInRoom };
