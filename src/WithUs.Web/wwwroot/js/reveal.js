// Shows a radio's or checkbox's conditional question only while it is chosen. GOV.UK Frontend's own version sets
// aria-expanded on the input, which is not allowed on a radio or checkbox (axe: aria-allowed-attr), so this one does not.
// Without JavaScript every conditional question is shown.
for (const input of document.querySelectorAll('input[data-reveals]')) {
  const target = document.getElementById(input.dataset.reveals);
  if (!target) {
    continue;
  }

  const hidden = target.classList.contains('govuk-checkboxes__conditional')
    ? 'govuk-checkboxes__conditional--hidden'
    : 'govuk-radios__conditional--hidden';
  const sync = () => target.classList.toggle(hidden, !input.checked);
  const group = input.type === 'radio' && input.form
    ? [...input.form.querySelectorAll(`input[type="radio"][name="${CSS.escape(input.name)}"]`)]
    : [input];
  for (const member of group) {
    member.addEventListener('change', sync);
  }

  sync();
}
