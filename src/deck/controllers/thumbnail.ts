/**
 * A still copy of a slide for a small card (overview, the presenter's "next" preview). Islands
 * become plain markup (a copied <astro-island> would hydrate a second React root), ids are
 * dropped, and the copy is inert: it shows, it never acts.
 */
export function slideCopy(slide: HTMLElement): HTMLElement {
  const copy = document.createElement("div");
  copy.className = slide.className;
  copy.classList.add("slide--copy");
  const inner = slide.querySelector(".slide__inner");
  if (inner) copy.append(inner.cloneNode(true));
  for (const island of copy.querySelectorAll("astro-island")) {
    const plain = document.createElement("div");
    plain.append(...island.childNodes);
    island.replaceWith(plain);
  }
  for (const element of copy.querySelectorAll("[id]")) element.removeAttribute("id");
  // The live ink over a slide (src/features/pointer) is the room's, not the slide's.
  for (const layer of copy.querySelectorAll("[data-ink]")) layer.remove();
  copy.inert = true;
  return copy;
}
