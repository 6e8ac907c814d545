package zkstore.cli.command;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress bars on an interactive terminal only; nothing at all when output is piped or redirected. */
final class Terminal {
  private Terminal() {}

  /** A progress bar over {@code total} units, or null when not on a terminal. */
  static ProgressBar progress(String task, long total, String unit, long unitSize) {
    if (System.console() == null) {
      return null;
    }
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(total)
        .setUnit(unit, unitSize)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250)
        .clearDisplayOnFinish()
        .build();
  }
}
