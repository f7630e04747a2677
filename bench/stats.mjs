// Shared by the benchmark scripts: order statistics and how figures are printed.
export const MB = 1 << 20;

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};

export const fmtMs = (ms) => (ms == null ? 'n/a' : ms < 1 ? `${ms.toFixed(3)} ms` : ms < 100 ? `${ms.toFixed(2)} ms` : `${ms.toFixed(0)} ms`);

export const fmtX = (x) =>
  x == null || !Number.isFinite(x) ? 'n/a' : x >= 100 ? `${x.toFixed(0)}×` : x >= 0.01 ? `${x.toFixed(2)}×` : `1/${(1 / x).toFixed(0)}`;

export const fmtBytes = (b) => (b >= MB ? `${(b / MB).toFixed(1)} MB` : `${(b / 1024).toFixed(0)} KB`);
