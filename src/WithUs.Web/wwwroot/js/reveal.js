// Progressive enhancement: shows the extra questions under a radio button or checkbox only while it is chosen (the
// GOV.UK "conditional reveal"). govuk-frontend's own version puts aria-expanded on radio buttons, which ARIA does
// not allow there (axe: aria-allowed-attr), so pages that need a reveal use data-withus-reveals="id-of-the-questions".
// No aria-controls either: govuk-frontend's radios module adds aria-expanded to any radio that has one.
// Without JavaScript every extra question is simply shown, except those the server holds back with the hidden
// attribute for a second step (the public forms' contact details): from here on the class shows and hides them.
const hiddenClass = (input) =>
  input.type === 'checkbox' ? 'govuk-checkboxes__conditional--hidden' : 'govuk-radios__conditional--hidden';

export function initReveals(root = document) {
  const inputs = [...root.querySelectorAll('input[data-withus-reveals]')];
  if (inputs.length === 0) {
    return;
  }

  const sync = () => {
    for (const input of inputs) {
      const target = document.getElementById(input.dataset.withusReveals);
      if (target) {
        target.hidden = false;
        target.classList.toggle(hiddenClass(input), !input.checked);
      }
    }
  };

  root.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && (event.target.type === 'radio' || event.target.type === 'checkbox')) {
      sync();
    }
  });
  sync();
}

initReveals();
