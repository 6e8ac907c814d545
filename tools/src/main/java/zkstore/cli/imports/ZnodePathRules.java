package zkstore.cli.imports;

/**
 * The znode path rules ZooKeeper applies to every path a client sends (PathUtils.validatePath): an import may
 * only build nodes that ZooKeeper itself could have created, which its snapshot reader can place in the tree.
 */
final class ZnodePathRules {
  private ZnodePathRules() {}

  /** Why {@code path} is not a valid znode path, or null if it is one. */
  static String problem(String path) {
    if (path.isEmpty() || path.charAt(0) != '/') {
      return "not absolute";
    }
    if (path.length() == 1) {
      return null;
    }
    if (path.charAt(path.length() - 1) == '/') {
      return "ends with '/'";
    }
    String[] names = path.substring(1).split("/", -1);
    for (String name : names) {
      if (name.isEmpty()) {
        return "empty node name";
      }
      if (name.equals(".") || name.equals("..")) {
        return "relative node name '" + name + "'";
      }
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == 0) {
        return "null character at index " + i;
      }
      if (c <= '\u001f' || (c >= '\u007f' && c <= '\u009f') || (c >= '\ud800' && c <= '\uf8ff') || c >= '\ufff0') {
        return "invalid character \\u" + String.format("%04x", (int) c) + " at index " + i;
      }
    }
    return null;
  }
}
