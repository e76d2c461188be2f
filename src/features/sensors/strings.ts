import { defineStrings } from "../../i18n/strings.ts";

/** The sensors demo's words: the phone's controls, the projector's numbers and chart. */
export const sensorsStrings = defineStrings({
  "pt-br": {
    offline:
      "Ao vivo, cada celular manda a própria inclinação pelo WebSocket, até 10 vezes por segundo (o sensor de orientação, ou um controle deslizante onde não há sensor), e o projetor desenha a sala inteira: a média, a dispersão e alguns celulares, um a um.",
    // The phone.
    phoneHint: "Seu celular manda a inclinação dele para a sala, até 10 vezes por segundo. Olhe o projetor.",
    useSensor: "Usar o sensor do celular",
    slider: "Inclinação para os lados (sem sensor)",
    bySensor: "pelo sensor",
    bySlider: "pelo controle",
    choose: "escolha o sensor ou o controle",
    asking: "Pedindo o sensor…",
    sensorOn: "Sensor ligado: incline o celular para os lados.",
    denied: "Sem permissão para o sensor: use o controle abaixo.",
    absent: "Este aparelho não tem sensor de orientação: use o controle abaixo.",
    // The projector.
    streaming: (phones: number): string => (phones === 1 ? "celular transmitindo" : "celulares transmitindo"),
    mean: "média",
    spread: "desvio padrão",
    readings: "leituras/s",
    empty: "Peça para a sala inclinar o celular (ou mexer no controle).",
    reset: "Zerar",
    // The chart.
    chart: (seconds: number) => `Inclinação lateral dos celulares nos últimos ${seconds} segundos`,
    band: "± 1 desvio padrão",
    phone: (n: number) => `celular ${n}`,
    window: (seconds: number) => `últimos ${seconds} s →`,
  },
  en: {
    offline:
      "Live, every phone sends its own tilt over the WebSocket, up to 10 times a second (the orientation sensor, or a slider where there is no sensor), and the projector draws the whole room: the mean, the spread and a few phones, one by one.",
    phoneHint: "Your phone sends its tilt to the room, up to 10 times a second. Watch the projector.",
    useSensor: "Use the phone's sensor",
    slider: "Side tilt (no sensor)",
    bySensor: "from the sensor",
    bySlider: "from the slider",
    choose: "pick the sensor or the slider",
    asking: "Asking for the sensor…",
    sensorOn: "Sensor on: tilt your phone from side to side.",
    denied: "No permission for the sensor: use the slider below.",
    absent: "This device has no orientation sensor: use the slider below.",
    streaming: (phones) => (phones === 1 ? "phone streaming" : "phones streaming"),
    mean: "mean",
    spread: "standard deviation",
    readings: "readings/s",
    empty: "Ask the room to tilt their phones (or move the slider).",
    reset: "Reset",
    chart: (seconds) => `Side tilt of the phones over the last ${seconds} seconds`,
    band: "± 1 standard deviation",
    phone: (n) => `phone ${n}`,
    window: (seconds) => `last ${seconds} s →`,
  },
});
