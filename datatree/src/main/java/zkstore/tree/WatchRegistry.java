package zkstore.tree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Data and child watches with ZooKeeper's firing rules: a one-shot watch is removed when it fires,
 * persistent watches stay, a persistent-recursive watch also fires for descendants (but not for
 * NodeChildrenChanged), and a watcher gets at most one event per change.
 */
public final class WatchRegistry {

    private static final int STANDARD = 1;
    private static final int PERSISTENT = 2;
    private static final int RECURSIVE = 4;

    private final Table data = new Table();
    private final Table child = new Table();

    /** Adds a watch on {@code path} (the node need not exist). */
    public synchronized void add(String path, Watcher watcher, WatchMode mode) {
        switch (mode) {
            case DATA -> data.add(path, watcher, STANDARD);
            case CHILD -> child.add(path, watcher, STANDARD);
            case PERSISTENT -> {
                data.add(path, watcher, PERSISTENT);
                child.add(path, watcher, PERSISTENT);
            }
            case PERSISTENT_RECURSIVE -> data.add(path, watcher, RECURSIVE);
        }
    }

    /** Removes every watch of {@code watcher}. */
    public synchronized void removeAll(Watcher watcher) {
        data.removeAll(watcher);
        child.removeAll(watcher);
    }

    /** Number of (path, watcher) pairs registered. */
    public synchronized int size() {
        return data.size() + child.size();
    }

    void nodeCreated(String path, String parent, long zxid) {
        fire(data, path, WatchEvent.Type.NodeCreated, zxid, Set.of());
        fire(child, parent, WatchEvent.Type.NodeChildrenChanged, zxid, Set.of());
    }

    void nodeDeleted(String path, String parent, long zxid) {
        Set<Watcher> fired = fire(data, path, WatchEvent.Type.NodeDeleted, zxid, Set.of());
        fire(child, path, WatchEvent.Type.NodeDeleted, zxid, fired);
        fire(child, parent, WatchEvent.Type.NodeChildrenChanged, zxid, Set.of());
    }

    void dataChanged(String path, long zxid) {
        fire(data, path, WatchEvent.Type.NodeDataChanged, zxid, Set.of());
    }

    private Set<Watcher> fire(Table table, String path, WatchEvent.Type type, long zxid, Set<Watcher> suppress) {
        Set<Watcher> fired;
        synchronized (this) {
            if (table.isEmpty()) {
                return Set.of();
            }
            fired = table.collect(path);
        }
        if (!fired.isEmpty()) {
            WatchEvent event = new WatchEvent(type, path, zxid);
            for (Watcher w : fired) {
                if (!suppress.contains(w)) {
                    w.process(event);
                }
            }
        }
        return fired;
    }

    /** path to (watcher to mode bits) */
    private static final class Table {
        private final Map<String, Map<Watcher, Integer>> byPath = new HashMap<>();
        private int recursive;

        boolean isEmpty() {
            return byPath.isEmpty();
        }

        int size() {
            return byPath.values().stream().mapToInt(Map::size).sum();
        }

        void add(String path, Watcher w, int bit) {
            Map<Watcher, Integer> m = byPath.computeIfAbsent(path, k -> new LinkedHashMap<>());
            int old = m.getOrDefault(w, 0);
            if ((old & RECURSIVE) == 0 && (bit & RECURSIVE) != 0) {
                recursive++;
            }
            m.put(w, old | bit);
        }

        void removeAll(Watcher w) {
            for (var it = byPath.values().iterator(); it.hasNext(); ) {
                Map<Watcher, Integer> m = it.next();
                Integer bits = m.remove(w);
                if (bits != null && (bits & RECURSIVE) != 0) {
                    recursive--;
                }
                if (m.isEmpty()) {
                    it.remove();
                }
            }
        }

        Set<Watcher> collect(String path) {
            Set<Watcher> out = new LinkedHashSet<>();
            String p = path;
            boolean atPath = true;
            while (p != null) {
                Map<Watcher, Integer> m = byPath.get(p);
                if (m != null) {
                    for (Map.Entry<Watcher, Integer> e : new ArrayList<>(m.entrySet())) {
                        int bits = e.getValue();
                        if (atPath) {
                            out.add(e.getKey());
                            int left = bits & ~STANDARD;
                            if (left == 0) {
                                m.remove(e.getKey());
                            } else if (left != bits) {
                                m.put(e.getKey(), left);
                            }
                        } else if ((bits & RECURSIVE) != 0) {
                            out.add(e.getKey());
                        }
                    }
                    if (m.isEmpty()) {
                        byPath.remove(p);
                    }
                }
                if (recursive == 0) {
                    break;
                }
                p = parentOf(p);
                atPath = false;
            }
            return out;
        }

        private static String parentOf(String p) {
            if (p.equals("/") || p.isEmpty()) {
                return null;
            }
            int slash = p.lastIndexOf('/');
            return slash <= 0 ? "/" : p.substring(0, slash);
        }
    }
}
