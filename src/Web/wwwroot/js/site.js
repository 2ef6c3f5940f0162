// Forms marked data-submit-once send one post: their submit buttons are disabled while it is in flight, so a double
// click does not send the form twice. The server stands behind this (a create form's one-time id creates once); this
// spares the second request and tells the person that the first one is on its way.
(() => {
  'use strict';

  const submitButtons = (form) => form.querySelectorAll('button[type="submit"], button:not([type]), input[type="submit"]');

  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-submit-once') || event.defaultPrevented) {
      return;
    }
    if (form.dataset.submitting === 'true') {
      event.preventDefault();
      return;
    }
    form.dataset.submitting = 'true';
    form.setAttribute('aria-busy', 'true');
    // After this turn, once the browser has taken the form's values (a disabled button would send no value).
    setTimeout(() => submitButtons(form).forEach((button) => { button.disabled = true; }), 0);
  });

  // A page brought back with the Back button is restored as it was left: make its forms usable again.
  window.addEventListener('pageshow', (event) => {
    if (!event.persisted) {
      return;
    }
    document.querySelectorAll('form[data-submit-once]').forEach((form) => {
      delete form.dataset.submitting;
      form.removeAttribute('aria-busy');
      submitButtons(form).forEach((button) => { button.disabled = false; });
    });
  });
})();
