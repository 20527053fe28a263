// Progressive enhancement for the themes suggested while capturing: each suggestion's button ticks its theme's
// checkbox (and a second press unticks it) instead of sending the form, and says whether it is ticked (aria-pressed).
// Without JavaScript the button sends the form, which comes back with the theme ticked and nothing saved.
const checkboxFor = (button) =>
  [...document.querySelectorAll('input[name="Input.ThemeIds"]')].find((box) => box.value === button.dataset.withusTick);

const sync = () => {
  for (const button of document.querySelectorAll('button[data-withus-tick]')) {
    const box = checkboxFor(button);
    if (box) {
      button.setAttribute('aria-pressed', box.checked ? 'true' : 'false');
    }
  }
};

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-withus-tick]') : null;
  const box = button ? checkboxFor(button) : null;
  if (!box) {
    return;
  }

  event.preventDefault();
  box.checked = !box.checked;
  sync();
});

document.addEventListener('change', (event) => {
  if (event.target instanceof HTMLInputElement && event.target.name === 'Input.ThemeIds') {
    sync();
  }
});

// New suggestions arrive out of band with the similar ideas.
document.addEventListener('htmx:oobAfterSwap', sync);
document.addEventListener('htmx:afterSettle', sync);
sync();
