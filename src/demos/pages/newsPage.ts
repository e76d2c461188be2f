/**
 * The pages demo's two answers to the same update (the site's visit counter, and when it was
 * read): a whole 2005-style news page, as a server then sent it on every F5, and the JSON an
 * AJAX call fetches instead. Same content, same moment; only the packaging differs.
 */

export interface Visit {
  /** The visit counter, after this load. */
  visits: number;
  /** When the server read it, "21:04:05". */
  time: string;
}

/** What the AJAX route sends: the update and nothing else. */
export function visitJson(visit: Visit): string {
  return JSON.stringify({ visits: visit.visits, time: visit.time });
}

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/** The counter as the era drew it: six digits, zeros in front. */
export function counterDigits(visits: number): string {
  return String(Math.max(0, Math.floor(visits))).padStart(6, "0");
}

/** The server's clock as a wall clock for the audience (São Paulo's time; UTC if the runtime has no zones). */
export function wallClock(at: number): string {
  const options: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" };
  try {
    return new Intl.DateTimeFormat("pt-BR", { ...options, timeZone: "America/Sao_Paulo" }).format(at);
  } catch {
    return new Intl.DateTimeFormat("pt-BR", { ...options, timeZone: "UTC" }).format(at);
  }
}

interface Story {
  date: string;
  title: string;
  text: string;
}

/** The news of early 2005: the page's content, the part that never changes between loads. */
const STORIES: readonly Story[] = [
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
];

const STYLE = `
body { margin: 0; padding: 10px 0; background: #d9dde4; font: 13px Verdana, Arial, Helvetica, sans-serif; color: #222; }
a { color: #0645ad; }
#pagina { width: 760px; margin: 0 auto; background: #fff; border: 1px solid #8a93a6; }
#topo { padding: 14px 18px; background: #1d3f73; background-image: linear-gradient(#2c5aa0, #1d3f73); color: #fff; }
#topo h1 { margin: 0; font: bold 26px Georgia, "Times New Roman", serif; letter-spacing: 1px; }
#topo p { margin: 4px 0 0; font-size: 11px; color: #c9d8f0; }
#menu { margin: 0; padding: 6px 18px; background: #f2c200; border-bottom: 1px solid #b38b00; list-style: none; }
#menu li { display: inline; margin-right: 14px; font-weight: bold; font-size: 12px; }
#menu a { color: #1d3f73; text-decoration: none; }
#conteudo { overflow: hidden; padding: 12px 18px; }
#principal { float: left; width: 500px; }
#principal h2 { margin: 0 0 8px; padding-bottom: 3px; border-bottom: 2px solid #1d3f73; font-size: 16px; color: #1d3f73; }
.noticia { margin-bottom: 12px; }
.noticia h3 { margin: 0; font-size: 14px; }
.noticia .data { margin: 1px 0 3px; font-size: 10px; color: #777; }
.noticia p { margin: 0; line-height: 1.4; }
#lateral { float: right; width: 200px; }
.caixa { margin-bottom: 12px; border: 1px solid #b7c0d0; background: #f4f6fa; }
.caixa h4 { margin: 0; padding: 4px 6px; background: #1d3f73; color: #fff; font-size: 11px; text-transform: uppercase; }
.caixa p, .caixa form { margin: 6px; font-size: 11px; }
.contador { font: bold 22px "Courier New", monospace; letter-spacing: 3px; text-align: center; color: #0f0; background: #000; padding: 4px 0; }
#rodape { clear: both; padding: 8px 18px; border-top: 1px solid #8a93a6; background: #eef0f4; font-size: 10px; color: #555; text-align: center; }
`;

function story({ date, title, text }: Story): string {
  return `<div class="noticia">
<h3><a href="#">${escapeHtml(title)}</a></h3>
<p class="data">${escapeHtml(date)}</p>
<p>${escapeHtml(text)}</p>
</div>`;
}

/** The whole page, as a 2005 server rendered it: everything sent again for a new counter. */
export function newsPage(visit: Visit): string {
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="pt-BR" xml:lang="pt-BR">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>Portal Web 2005 · notícias de tecnologia</title>
<style type="text/css">${STYLE}</style>
</head>
<body>
<div id="pagina">
<div id="topo">
<h1>Portal Web 2005</h1>
<p>Notícias de tecnologia, fresquinhas a cada F5</p>
</div>
<ul id="menu">
<li><a href="#">Início</a></li>
<li><a href="#">Notícias</a></li>
<li><a href="#">Downloads</a></li>
<li><a href="#">Fórum</a></li>
<li><a href="#">Livro de visitas</a></li>
<li><a href="#">Contato</a></li>
</ul>
<div id="conteudo">
<div id="principal">
<h2>Últimas notícias</h2>
${STORIES.map(story).join("\n")}
</div>
<div id="lateral">
<div class="caixa">
<h4>Contador de visitas</h4>
<p class="contador" id="visitas">${escapeHtml(counterDigits(visit.visits))}</p>
<p>Você é o visitante nº <b>${escapeHtml(String(visit.visits))}</b>. Atualizado às <b id="hora">${escapeHtml(visit.time)}</b>.</p>
</div>
<div class="caixa">
<h4>Enquete</h4>
<form action="#">
<p>Qual navegador você usa?</p>
<p><label><input type="radio" name="nav" /> Internet Explorer 6</label><br />
<label><input type="radio" name="nav" /> Firefox 1.0</label><br />
<label><input type="radio" name="nav" /> Opera 8</label><br />
<label><input type="radio" name="nav" /> Netscape 7</label></p>
<p><input type="submit" value="Votar" /></p>
</form>
</div>
<div class="caixa">
<h4>Parceiros</h4>
<p><a href="#">Baixe o Firefox!</a><br /><a href="#">Python.org</a><br /><a href="#">Assine nossa newsletter</a></p>
</div>
</div>
</div>
<div id="rodape">© 2005 Portal Web · Melhor visualizado em 800×600 · Todos os direitos reservados</div>
</div>
</body>
</html>
`;
}
