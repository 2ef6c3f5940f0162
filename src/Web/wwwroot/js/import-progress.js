// The import status page: moves its bars by polling the import's progress every second, then, once the import has
// finished, loads the page again to show the result and the refused rows. Without this script the page refreshes itself.
(() => {
  'use strict';

  const section = document.getElementById('import-status');
  if (!section || section.dataset.finished === 'true') {
    return;
  }

  const part = (name) => section.querySelector(`[data-import="${name}"]`);
  const number = (value) => value.toLocaleString('en-US');

  const show = (progress) => {
    part('status').textContent = progress.status;
    for (const name of ['checked', 'written']) {
      const bar = part(name);
      if (progress.total > 0) {
        bar.max = progress.total;
        bar.value = progress[name];
        part(`${name}-text`).textContent = `${number(progress[name])} of ${number(progress.total)}`;
      }
    }
  };

  const poll = async () => {
    try {
      const response = await fetch(section.dataset.progressUrl, { headers: { Accept: 'application/json' }, cache: 'no-store' });
      if (response.ok) {
        const progress = await response.json();
        show(progress);
        if (progress.is_finished) {
          window.location.reload();
          return;
        }
      }
    } catch {
      // A missed poll (the network, a restarting server) is tried again at the next.
    }
    window.setTimeout(poll, 1000);
  };

  window.setTimeout(poll, 500);
})();
