package zkstore.cli.verify;

import java.util.List;

/**
 * The verdict on one file (or on the directory as a whole, kinds {@code restore} and {@code start}).
 *
 * @param kind {@code log}, {@code snapshot}, {@code epoch}, {@code restore} or {@code start}
 * @param name the file name (or a short label)
 * @param summary what was found when it is fine: entries, zxid range, layout
 * @param problems each problem in one sentence naming offset and zxid; empty when the file is fine
 * @param usable false when the file is not a ZooKeeper file at all (another program's, empty header)
 */
public record FileCheck(String kind, String name, String summary, List<String> problems, boolean usable) {
  public FileCheck {
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}
