// The date slider: one step per month from January 2000 to this month, and a last step for "all history"
// (no asOf: every fact that is not retracted). The date field beside it takes an exact day. A move is asked at the
// next frame, not after a pause: the page drops the answers to dates the slider has already left.
const start = 2000 * 12;
const now = new Date();
const last = now.getUTCFullYear() * 12 + now.getUTCMonth() - start;

export function attachAsOf(slider, field, label, { initial, onChange }) {
  slider.max = String(last + 1);
  let frame;
  const toDate = v => {
    const m = start + Number(v);
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
  };
  const toSlider = date => {
    if (!date) return last + 1;
    const [y, m] = date.split('-').map(Number);
    return Math.min(Math.max(y * 12 + m - 1 - start, 0), last);
  };
  const show = date => {
    label.value = date ? date : 'all history';
    label.textContent = label.value;
    field.value = date ?? '';
  };
  const set = date => { slider.value = String(toSlider(date)); show(date); };
  set(initial);

  slider.addEventListener('input', () => {
    const date = Number(slider.value) > last ? null : toDate(slider.value);
    show(date);
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => onChange(date));
  });
  field.addEventListener('change', () => {
    const date = /^\d{4}-\d{2}-\d{2}$/.test(field.value) ? field.value : null;
    set(date);
    onChange(date);
  });
  return { set };
}
