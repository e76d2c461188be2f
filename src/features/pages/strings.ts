import { defineStrings } from "../../i18n/strings.ts";

/** What the pages demo says (src/features/pages). Numbers and sizes come in already formatted. */
export const pagesStrings = defineStrings({
  "pt-br": {
    offline:
      "Ao vivo, cada celular atualiza o mesmo contador de visitas de dois jeitos: “Recarregar a página inteira” traz de novo um portal de notícias de 2005 completo (HTML, CSS, notícias, rodapé) só para mudar um número; “Buscar só o dado (AJAX)” traz um JSON com o número e a hora. O servidor conta os bytes de cada carga, ida e volta, e o projetor mostra lado a lado quanto cada jeito custa e quantas vezes um é maior que o outro.",
    sides: {
      page: { title: "Página inteira", action: "Recarregar a página inteira" },
      data: { title: "Só o dado (AJAX)", action: "Buscar só o dado (AJAX)" },
    },
    morePerResponse: "mais bytes por resposta",
    moreForSameNumber: "mais bytes, para o mesmo número",
    withRequest: (ratio: string) => `contando a ida: ${ratio}`,
    loadBoth: "carregue os dois para comparar",
    footer: "Bytes contados pelo servidor, média de todas as cargas da sala",
    counterAt: (visits: number) => ` · contador em ${visits}`,
    reset: "Zerar",
    pageHere: "A página aparece aqui, inteira.",
    frameTitle: "A página inteira, como o servidor mandou",
    numberHere: "Só o número muda, no lugar.",
    counter: "Contador de visitas",
    updatedAt: (time: string) => `atualizado às ${time}`,
    perResponse: "por resposta",
    headers: "cabeçalhos",
    body: "corpo",
    request: "+ ida",
    loads: (n: number) => (n === 1 ? "1 carga" : `${n} cargas`),
    arrived: (time: string) => `chegaram aqui nesta carga, em ${time}`,
  },
  en: {
    offline:
      "Live, every phone updates the same visit counter two ways: “Reload the whole page” fetches a complete 2005 news portal again (HTML, CSS, stories, footer) just to change one number; “Fetch just the data (AJAX)” fetches a JSON with the number and the time. The server counts the bytes of every load, both ways, and the projector shows side by side what each way costs and how many times bigger one is than the other.",
    sides: {
      page: { title: "Whole page", action: "Reload the whole page" },
      data: { title: "Just the data (AJAX)", action: "Fetch just the data (AJAX)" },
    },
    morePerResponse: "more bytes per response",
    moreForSameNumber: "more bytes, for the same number",
    withRequest: (ratio) => `counting the request too: ${ratio}`,
    loadBoth: "load both to compare",
    footer: "Bytes counted by the server, averaged over every load in the room",
    counterAt: (visits) => ` · counter at ${visits}`,
    reset: "Reset",
    pageHere: "The page shows up here, whole.",
    frameTitle: "The whole page, as the server sent it",
    numberHere: "Only the number changes, in place.",
    counter: "Visit counter",
    updatedAt: (time) => `updated at ${time}`,
    perResponse: "per response",
    headers: "headers",
    body: "body",
    request: "+ request",
    loads: (n) => (n === 1 ? "1 load" : `${n} loads`),
    arrived: (time) => `arrived here on this load, in ${time}`,
  },
});

export interface NewsStory {
  date: string;
  title: string;
  text: string;
}

/**
 * The 2005 news portal's words (newsPage.ts): its chrome and the news of early 2005, the part
 * that never changes between loads. `visitor` gets its numbers already as HTML.
 */
export const newsPageStrings = defineStrings({
  "pt-br": {
    title: "Portal Web 2005 · notícias de tecnologia",
    name: "Portal Web 2005",
    tagline: "Notícias de tecnologia, fresquinhas a cada F5",
    menu: ["Início", "Notícias", "Downloads", "Fórum", "Livro de visitas", "Contato"],
    latest: "Últimas notícias",
    stories: [
      {
        date: "18/02/2005",
        title: "Jesse James Garrett dá nome ao Ajax",
        text: "Artigo da Adaptive Path chama de Ajax a técnica por trás do Gmail e do Google Maps: o JavaScript da página pede dados ao servidor em segundo plano e atualiza só um pedaço da tela, sem recarregar tudo.",
      },
      {
        date: "08/02/2005",
        title: "Google Maps: o mapa que se arrasta",
        text: "O novo serviço do Google carrega o mapa em pedaços enquanto você arrasta com o mouse. Nenhum clique em setinha, nenhuma página nova: quem testou não quer voltar aos mapas de antes.",
      },
      {
        date: "30/11/2004",
        title: "Python 2.4 é lançado",
        text: "A nova versão da linguagem traz decoradores de função, o tipo set embutido e expressões geradoras. Os programas ficam mais curtos e a biblioteca padrão, maior.",
      },
      {
        date: "09/11/2004",
        title: "Firefox 1.0 chega à versão final",
        text: "O navegador da Fundação Mozilla sai da fase de testes com abas, bloqueio de janelas pop-up e busca integrada. Já há quem diga que o Internet Explorer 6 tem concorrência de verdade.",
      },
      {
        date: "01/04/2004",
        title: "Gmail oferece 1 GB de espaço",
        text: "Anunciado no dia da mentira, o webmail do Google é verdade: um gigabyte por conta e uma interface que abre as mensagens sem recarregar a página. Só entra quem recebe convite.",
      },
      {
        date: "22/01/2004",
        title: "Orkut vira febre entre os brasileiros",
        text: "A rede social criada por um engenheiro do Google já tem mais brasileiros do que gente de qualquer outro país. Comunidades, depoimentos e scraps tomam conta das lan houses.",
      },
    ],
    counter: "Contador de visitas",
    visitor: (number: string, time: string) => `Você é o visitante nº ${number}. Atualizado às ${time}.`,
    poll: "Enquete",
    question: "Qual navegador você usa?",
    vote: "Votar",
    partners: "Parceiros",
    links: ["Baixe o Firefox!", "Python.org", "Assine nossa newsletter"],
    footer: "© 2005 Portal Web · Melhor visualizado em 800×600 · Todos os direitos reservados",
  },
  en: {
    title: "Web Portal 2005 · tech news",
    name: "Web Portal 2005",
    tagline: "Tech news, fresh on every F5",
    menu: ["Home", "News", "Downloads", "Forum", "Guestbook", "Contact"],
    latest: "Latest news",
    stories: [
      {
        date: "Feb 18, 2005",
        title: "Jesse James Garrett names it Ajax",
        text: "An Adaptive Path essay calls the technique behind Gmail and Google Maps Ajax: the page's JavaScript asks the server for data in the background and updates just one part of the screen, without reloading it all.",
      },
      {
        date: "Feb 8, 2005",
        title: "Google Maps: the map you can drag",
        text: "Google's new service loads the map in tiles while you drag it with the mouse. No clicking on little arrows, no new page: whoever tries it never wants the old maps back.",
      },
      {
        date: "Nov 30, 2004",
        title: "Python 2.4 is out",
        text: "The new version of the language brings function decorators, a built-in set type and generator expressions. Programs get shorter and the standard library bigger.",
      },
      {
        date: "Nov 9, 2004",
        title: "Firefox 1.0 goes final",
        text: "The Mozilla Foundation's browser leaves beta with tabs, pop-up blocking and built-in search. Some already say Internet Explorer 6 has real competition.",
      },
      {
        date: "Apr 1, 2004",
        title: "Gmail offers 1 GB of storage",
        text: "Announced on April Fools' Day, Google's webmail is no joke: a gigabyte per account and an interface that opens messages without reloading the page. Invitation only.",
      },
      {
        date: "Jan 22, 2004",
        title: "Orkut takes Brazil by storm",
        text: "The social network built by a Google engineer already has more Brazilians than people from any other country. Communities, testimonials and scraps take over the internet cafés.",
      },
    ],
    counter: "Visit counter",
    visitor: (number, time) => `You are visitor no. ${number}. Updated at ${time}.`,
    poll: "Poll",
    question: "Which browser do you use?",
    vote: "Vote",
    partners: "Partners",
    links: ["Get Firefox!", "Python.org", "Sign up for our newsletter"],
    footer: "© 2005 Web Portal · Best viewed at 800×600 · All rights reserved",
  },
});
