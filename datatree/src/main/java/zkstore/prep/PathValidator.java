package zkstore.prep;

/** ZooKeeper's rules for a valid znode path (PathUtils.validatePath). */
public final class PathValidator {

    private PathValidator() {
    }

    /** Null if {@code path} is valid, else the reason it is not. */
    public static String problem(String path) {
        if (path == null) {
            return "path is null";
        }
        if (path.isEmpty()) {
            return "path length must be > 0";
        }
        if (path.charAt(0) != '/') {
            return "path must start with / character";
        }
        if (path.length() == 1) {
            return null;
        }
        if (path.charAt(path.length() - 1) == '/') {
            return "path must not end with / character";
        }
        char last = '/';
        for (int i = 1; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == 0) {
                return "null character not allowed @" + i;
            } else if (c == '/' && last == '/') {
                return "empty node name specified @" + i;
            } else if (c == '.' && last == '.') {
                if (path.charAt(i - 2) == '/' && (i + 1 == path.length() || path.charAt(i + 1) == '/')) {
                    return "relative paths not allowed @" + i;
                }
            } else if (c == '.') {
                if (path.charAt(i - 1) == '/' && (i + 1 == path.length() || path.charAt(i + 1) == '/')) {
                    return "relative paths not allowed @" + i;
                }
            } else if (c > '\u0000' && c <= '\u001f' || c >= '\u007f' && c <= '\u009F'
                    || c >= '\ud800' && c <= '\uf8ff' || c >= '\ufff0') {
                return "invalid character @" + i;
            }
            last = c;
        }
        return null;
    }

    /** True if {@code path} is valid. */
    public static boolean valid(String path) {
        return problem(path) == null;
    }
}
