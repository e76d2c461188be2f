/** Opens a modal dialog, or closes it when open; its close buttons and a click on the backdrop close it. */
export function dialogToggle(dialog: HTMLDialogElement, onOpen?: () => void): () => void {
  dialog.addEventListener("click", (event) => {
    const target = event.target as Element;
    if (target === dialog || target.closest('[data-action="close"]')) dialog.close();
  });
  return () => {
    if (dialog.open) {
      dialog.close();
      return;
    }
    dialog.showModal();
    onOpen?.();
  };
}
