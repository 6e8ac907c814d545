package zkstore.tree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import zkstore.record.Acl;

/**
 * Reference-counted ACL lists keyed by long, as ZooKeeper's snapshot stores them: keys 1, 2, 3...
 * (next = highest key ever seen + 1), key -1 = OPEN_ACL_UNSAFE without an entry, and an entry
 * dropped when its last node lets go of it. Nodes hold an int slot; methods are synchronized so a
 * snapshot thread can read while the writer changes it.
 */
public final class AclCache {

    /** The key ZooKeeper uses for OPEN_ACL_UNSAFE on internal nodes (never has an entry). */
    public static final long OPEN_ACL_KEY = -1L;
    static final int OPEN_SLOT = -1;
    /** What {@link #loadSlot} returns for a key without an entry. */
    static final int NO_SLOT = Integer.MIN_VALUE;

    private long[] keys = new long[16];
    @SuppressWarnings("unchecked")
    private List<Acl>[] lists = new List[16];
    private long[] refs = new long[16];
    private int slotsUsed;
    private final ArrayList<Integer> freeSlots = new ArrayList<>();
    private final Map<List<Acl>, Integer> slotByAcl = new HashMap<>();
    private final Map<Long, Integer> slotByKey = new HashMap<>();
    private long highestKey;

    /** Takes a reference to {@code acl}'s entry, creating it with the next key if needed; null means key -1. */
    synchronized int acquire(List<Acl> acl) {
        if (acl == null) {
            return OPEN_SLOT;
        }
        Integer slot = slotByAcl.get(acl);
        if (slot == null) {
            slot = newSlot(++highestKey, List.copyOf(acl));
        }
        refs[slot]++;
        return slot;
    }

    /** Lets go of one reference; the entry disappears when none are left. */
    synchronized void release(int slot) {
        if (slot == OPEN_SLOT || lists[slot] == null) {
            return;
        }
        if (--refs[slot] <= 0) {
            drop(slot);
        }
    }

    private void drop(int slot) {
        // as ZooKeeper: the list's mapping goes even if another key holds an equal list (only
        // possible after loading a snapshot with duplicate lists), so that list gets a new key next
        slotByAcl.remove(lists[slot]);
        slotByKey.remove(keys[slot]);
        lists[slot] = null;
        refs[slot] = 0;
        freeSlots.add(slot);
    }

    private int newSlot(long key, List<Acl> acl) {
        int slot;
        if (!freeSlots.isEmpty()) {
            slot = freeSlots.remove(freeSlots.size() - 1);
        } else {
            if (slotsUsed == keys.length) {
                int n = keys.length * 2;
                keys = java.util.Arrays.copyOf(keys, n);
                lists = java.util.Arrays.copyOf(lists, n);
                refs = java.util.Arrays.copyOf(refs, n);
            }
            slot = slotsUsed++;
        }
        keys[slot] = key;
        lists[slot] = acl;
        refs[slot] = 0;
        slotByAcl.put(acl, slot);
        Integer old = slotByKey.put(key, slot);
        if (old != null && old != slot) {
            drop(old);
            slotByKey.put(key, slot);
        }
        return slot;
    }

    /** The long key of a slot (-1 for the open slot). */
    synchronized long key(int slot) {
        return slot == OPEN_SLOT ? OPEN_ACL_KEY : keys[slot];
    }

    /** The ACL list of a slot. */
    synchronized List<Acl> acl(int slot) {
        return slot == OPEN_SLOT ? Acl.OPEN_ACL_UNSAFE : lists[slot];
    }

    /** The ACL list stored under {@code key}, null if there is none (OPEN_ACL_UNSAFE for -1). */
    public synchronized List<Acl> aclForKey(long key) {
        if (key == OPEN_ACL_KEY) {
            return Acl.OPEN_ACL_UNSAFE;
        }
        Integer slot = slotByKey.get(key);
        return slot == null ? null : lists[slot];
    }

    /** A copy of every entry, key to ACL list, in key order. */
    public synchronized Map<Long, List<Acl>> entries() {
        Map<Long, List<Acl>> out = new LinkedHashMap<>();
        slotByKey.keySet().stream().sorted().forEach(k -> out.put(k, lists[slotByKey.get(k)]));
        return out;
    }

    /** Reference count of the entry under {@code key} (0 if none). */
    public synchronized long references(long key) {
        Integer slot = slotByKey.get(key);
        return slot == null ? 0 : refs[slot];
    }

    /** Number of entries. */
    public synchronized int size() {
        return slotByKey.size();
    }

    /** Loading: registers an entry read from a snapshot with no references yet. */
    synchronized void loadEntry(long key, List<Acl> acl) {
        if (key == OPEN_ACL_KEY) {
            return;
        }
        newSlot(key, List.copyOf(acl));
        highestKey = Math.max(highestKey, key);
    }

    /** Loading: the slot for a node's key without counting a reference; {@link #NO_SLOT} if the key has no entry. */
    synchronized int loadSlot(long key) {
        if (key == OPEN_ACL_KEY) {
            return OPEN_SLOT;
        }
        Integer slot = slotByKey.get(key);
        return slot == null ? NO_SLOT : slot;
    }

    /** Loading: counts {@code count} node references to a slot returned by {@link #loadSlot}. */
    synchronized void loadReferences(int slot, long count) {
        if (slot != OPEN_SLOT && slot != NO_SLOT) {
            refs[slot] += count;
        }
    }

    /** Loading: drops entries no node refers to (the highest key stays, as in ZooKeeper). */
    synchronized void purgeUnused() {
        for (int slot = 0; slot < slotsUsed; slot++) {
            if (lists[slot] != null && refs[slot] <= 0) {
                drop(slot);
            }
        }
    }
}
