// A progress bar on stderr (stdout stays clean for `--json`). On a terminal it redraws one line;
// in a log (CI, a pipe) it prints a line every tenth of the way, so the log stays short.

export interface ProgressSink {
  write(text: string): void;
  isTTY: boolean;
}

export interface Progress {
  tick(outcome: 'ok' | 'failed' | 'skipped'): void;
  finish(): void;
}

const WIDTH = 28;

export function createProgress(label: string, total: number, sink: ProgressSink): Progress {
  let done = 0;
  let ok = 0;
  let failed = 0;
  let skipped = 0;
  let lastDecile = -1;
  let lastLineAt = 0;
  const started = Date.now();

  const line = (): string => {
    const ratio = total === 0 ? 1 : done / total;
    const filled = Math.round(ratio * WIDTH);
    const bar = '#'.repeat(filled) + '-'.repeat(WIDTH - filled);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    return (
      `${label} [${bar}] ${done}/${total} (${Math.floor(ratio * 100)} %) · ` +
      `bien ${ok} · fallos ${failed} · omitidas ${skipped} · ${seconds} s`
    );
  };

  const render = (): void => {
    if (sink.isTTY) {
      if (Date.now() - lastLineAt >= 100) {
        lastLineAt = Date.now();
        sink.write(`\r${line()}\x1b[K`);
      }
      return;
    }
    // In a log, a line per tenth of the way, and no more than one a second.
    const decile = total === 0 ? 10 : Math.floor((done / total) * 10);
    if (decile !== lastDecile && Date.now() - lastLineAt >= 1000) {
      lastDecile = decile;
      lastLineAt = Date.now();
      sink.write(`${line()}\n`);
    }
  };

  if (sink.isTTY) render();
  return {
    tick(outcome) {
      done++;
      if (outcome === 'ok') ok++;
      else if (outcome === 'failed') failed++;
      else skipped++;
      render();
    },
    finish() {
      if (sink.isTTY) sink.write(`\r${line()}\x1b[K\n`);
      else if (done === 0 || lastDecile !== 10) sink.write(`${line()}\n`);
    },
  };
}
