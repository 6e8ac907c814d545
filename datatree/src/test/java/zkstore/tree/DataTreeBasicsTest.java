package zkstore.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import zkstore.jute.FormatException;
import zkstore.record.Acl;
import zkstore.record.CreateTxn;
import zkstore.record.DeleteTxn;
import zkstore.record.OpCode;
import zkstore.record.Perms;
import zkstore.record.SetDataTxn;
import zkstore.record.Stat;
import zkstore.record.StatPersisted;
import zkstore.record.TxnHeader;

class DataTreeBasicsTest {

    private static final StatPersisted ZERO = new StatPersisted(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** A loader holding only the root node. */
    private static TreeLoader loaderWithRoot() throws Exception {
        TreeLoader loader = new TreeLoader();
        loader.addNode("", new byte[0], -1, ZERO);
        return loader;
    }

    private static TxnHeader header(long session, long zxid, int type) {
        return new TxnHeader(session, 1, zxid, 1000 + zxid, type);
    }

    @Test
    void freshTreeHasSystemNodesAndTheKnownDigest() throws Exception {
        DataTree t = new DataTree();
        assertEquals(0x51C6D660L, t.digest());
        assertEquals(t.recomputeDigest(), t.digest());
        assertEquals(4, t.nodeCount());
        assertEquals(-1, t.stat("/zookeeper/config").aversion());
        assertEquals(Acl.READ_ACL_UNSAFE, t.acl("/zookeeper/config"));
        assertEquals(1L, t.aclKey("/zookeeper/config"));
        assertEquals(-1L, t.aclKey("/zookeeper"));
        assertEquals(0, t.statPersisted("/").cversion());
        // A client is told creates plus deletes of children: twice the stored count less the one child, zookeeper.
        assertEquals(-1, t.stat("/").cversion());
    }

    @Test
    void createSetDataDeleteKeepStatAndDigest() throws Exception {
        DataTree t = new DataTree();
        TxnResult r = t.apply(header(5, 1, OpCode.CREATE2),
                new CreateTxn("/a", "x".getBytes(), Acl.OPEN_ACL_UNSAFE, false, 1), ApplyMode.STRICT);
        assertTrue(r.ok());
        Stat s = r.stat();
        assertEquals(1, s.czxid());
        assertEquals(1, t.statPersisted("/").cversion());
        assertEquals(0, t.stat("/").cversion());
        assertEquals(1, t.stat("/").pzxid());
        t.apply(header(5, 2, OpCode.CREATE), new CreateTxn("/a/b", null, Acl.OPEN_ACL_UNSAFE, true, 1), ApplyMode.STRICT);
        assertEquals(List.of("b"), t.children("/a"));
        assertEquals(1, t.ephemerals(5).size());
        assertNull(t.data("/a/b"));
        t.apply(header(5, 3, OpCode.SET_DATA), new SetDataTxn("/a", "yy".getBytes(), 1), ApplyMode.STRICT);
        assertEquals(2, t.stat("/a").dataLength());
        assertEquals(3, t.stat("/a").mzxid());
        assertEquals(t.recomputeDigest(), t.digest());
        TxnResult bad = t.apply(header(5, 4, OpCode.DELETE), new DeleteTxn("/nope"), ApplyMode.STRICT);
        assertEquals(KeeperCode.NONODE, bad.err());
        t.apply(header(5, 5, OpCode.DELETE), new DeleteTxn("/a/b"), ApplyMode.STRICT);
        assertEquals(0, t.stat("/a").numChildren());
        assertEquals(5, t.stat("/a").pzxid());
        assertEquals(1, t.statPersisted("/a").cversion());
        assertEquals(2, t.stat("/a").cversion(), "a client counts the create and the delete of /a/b");
        assertEquals(5, t.lastProcessedZxid());
        assertEquals(t.recomputeDigest(), t.digest());
    }

    @Test
    void walkThenLoadRebuildsTheSameTree() throws Exception {
        DataTree t = new DataTree();
        long z = 1;
        for (int i = 0; i < 50; i++) {
            String p = i % 5 == 0 ? "/n" + i : "/n" + (i - i % 5) + "/c" + i;
            t.apply(header(7, z++, OpCode.CREATE), new CreateTxn(p, new byte[i], List.of(new Acl(i % 3 + 1,
                    new zkstore.record.Id("digest", "u" + i % 2 + ":x"))), i % 7 == 0 && i % 5 != 0, -1), ApplyMode.STRICT);
        }
        List<NodeRecord> nodes = new ArrayList<>();
        t.walk(nodes::add);
        assertEquals(t.nodeCount(), nodes.size());
        TreeLoader loader = new TreeLoader();
        t.aclCache().entries().forEach(loader::addAcl);
        for (NodeRecord n : nodes) {
            loader.addNode(n.path(), n.data(), n.aclKey(), n.stat());
        }
        DataTree back = loader.finish(t.lastProcessedZxid());
        assertEquals(t.digest(), back.digest());
        assertEquals(t.ephemerals(), back.ephemerals());
        assertEquals(t.aclCache().entries(), back.aclCache().entries());
        List<NodeRecord> again = new ArrayList<>();
        back.walk(again::add);
        assertEquals(nodes.size(), again.size());
        assertNotNull(back.stat("/n5/c7"));
    }

    /**
     * The walk holds /a (read with the root's children) when /a is deleted and its ACL entry's slot
     * taken by another list: /a must not be reported, neither with no ACL nor with the other list.
     */
    @Test
    void walkLeavesOutANodeDeletedAfterItsParentWasRead() throws Exception {
        DataTree t = new DataTree();
        List<Acl> onlyA = List.of(new Acl(Perms.ALL, new zkstore.record.Id("digest", "a:x")));
        List<Acl> onlyB = List.of(new Acl(Perms.READ, new zkstore.record.Id("digest", "b:x")));
        t.apply(header(7, 1, OpCode.CREATE), new CreateTxn("/a", new byte[1], onlyA, false, -1), ApplyMode.STRICT);
        List<NodeRecord> walked = new ArrayList<>();
        t.walk(r -> {
            walked.add(r);
            if (r.path().isEmpty()) {
                assertTrue(t.apply(header(7, 2, OpCode.DELETE), new DeleteTxn("/a"), ApplyMode.STRICT).ok());
                assertTrue(t.apply(header(7, 3, OpCode.CREATE), new CreateTxn("/b", null, onlyB, false, -1),
                        ApplyMode.STRICT).ok());
            }
        });
        assertEquals(List.of("", "/zookeeper", "/zookeeper/config", "/zookeeper/quota"),
                walked.stream().map(NodeRecord::path).sorted().toList());
        for (NodeRecord r : walked) {
            assertEquals(t.aclCache().aclForKey(r.aclKey()), r.acl(), "ACL of " + r.path());
        }
    }

    @Test
    void loaderDropsUnusedAclEntriesEvenWhenTwoKeysHoldTheSameList() throws Exception {
        TreeLoader loader = new TreeLoader();
        loader.addAcl(1, Acl.OPEN_ACL_UNSAFE);
        loader.addAcl(2, Acl.OPEN_ACL_UNSAFE);
        loader.addAcl(7, Acl.READ_ACL_UNSAFE);
        loader.addNode("", new byte[0], -1, ZERO);
        loader.addNode("/a", null, 1, ZERO);
        DataTree t = loader.finish(5);
        assertEquals(java.util.Map.of(1L, Acl.OPEN_ACL_UNSAFE), t.aclCache().entries());
        t.apply(header(3, 6, OpCode.DELETE), new DeleteTxn("/a"), ApplyMode.STRICT);
        assertEquals(0, t.aclCache().size());
        t.apply(header(3, 7, OpCode.CREATE), new CreateTxn("/b", null, Acl.OPEN_ACL_UNSAFE, false, -1), ApplyMode.STRICT);
        assertEquals(8L, t.aclKey("/b"), "next key = highest key ever seen + 1");
    }

    @Test
    void loaderRejectsAnAclKeyMissingFromTheMap() {
        TreeLoader loader = new TreeLoader();
        FormatException e = assertThrows(FormatException.class, () -> loader.addNode("", new byte[0], 3, ZERO));
        assertTrue(e.getMessage().contains("ACL key 3"), e.getMessage());
    }

    @Test
    void loaderRejectsAChildBeforeItsParent() {
        TreeLoader loader = new TreeLoader();
        FormatException e = assertThrows(FormatException.class, () -> {
            loader.addNode("", new byte[0], -1, ZERO);
            loader.addNode("/a/b", new byte[0], -1, ZERO);
        });
        assertTrue(e.getMessage().contains("unable to find parent /a"), e.getMessage());
    }

    @Test
    void loaderRejectsAPathThatAppearsTwiceWhenItFinishesAtTheRepeatingRecordsOffset() throws Exception {
        TreeLoader loader = loaderWithRoot();
        loader.addNode("/a", new byte[0], -1, ZERO, 100);
        loader.addNode("/a/b", new byte[0], -1, ZERO, 200);
        loader.addNode("/a", new byte[0], -1, ZERO, 300);
        FormatException e = assertThrows(FormatException.class, () -> loader.finish(1));
        assertEquals("node /a appears twice, at offset 100 (0x64) and in this record", e.detail());
        assertEquals(300, e.offset());
        assertNull(e.file(), "the loader does not know the file");
    }

    @Test
    void loaderRejectsARepeatedPathFoundWhileLookingUpAnEarlierParentAtTheRepeatingRecordsOffset() throws Exception {
        TreeLoader loader = loaderWithRoot();
        loader.addNode("/a", new byte[0], -1, ZERO, 10);
        loader.addNode("/b", new byte[0], -1, ZERO, 20);
        loader.addNode("/b", new byte[0], -1, ZERO, 30);
        FormatException e = assertThrows(FormatException.class,
                () -> loader.addNode("/a/c", new byte[0], -1, ZERO, 40));
        assertEquals("node /b appears twice, at offset 20 (0x14) and in this record", e.detail());
        assertEquals(30, e.offset(), "the repeating record's offset, not that of the record being added");
    }

    @Test
    void loaderNamesTheFirstRecordThatRepeatsAPathAmongManyRepeats() throws Exception {
        TreeLoader loader = loaderWithRoot();
        for (int i = 0; i < 3000; i++) {
            loader.addNode("/p" + i, new byte[0], -1, ZERO, 1000L + i);
        }
        for (int k = 0; k < 30; k++) {
            int original = (k * 7919 + 17) % 3000;
            loader.addNode("/p" + original, new byte[0], -1, ZERO, 5000L + k);
        }
        FormatException e = assertThrows(FormatException.class, () -> loader.finish(1));
        assertEquals("node /p17 appears twice, at offset 1017 (0x3f9) and in this record", e.detail());
        assertEquals(5000, e.offset());
    }

    @Test
    void loaderRejectsARepeatedPathWithoutOffsetsWhenTheyAreNotGiven() throws Exception {
        TreeLoader loader = loaderWithRoot();
        loader.addNode("/a", new byte[0], -1, ZERO);
        loader.addNode("/a", new byte[0], -1, ZERO);
        FormatException e = assertThrows(FormatException.class, () -> loader.finish(1));
        assertEquals("node /a appears twice", e.detail());
        assertEquals(-1, e.offset());
    }

    @Test
    void loaderFindsAParentAddedBeforeTheLastNodesAncestors() throws Exception {
        TreeLoader loader = loaderWithRoot();
        for (int i = 0; i < 3000; i++) {
            loader.addNode("/p" + i, new byte[0], -1, ZERO);
        }
        for (int i = 0; i < 3000; i += 7) {
            loader.addNode("/p" + i + "/c", new byte[] {(byte) i}, -1, ZERO);
        }
        DataTree t = loader.finish(1);
        assertEquals(1 + 3000 + 429, t.nodeCount());
        assertEquals(1, t.stat("/p7").numChildren());
        assertEquals(0, t.stat("/p8").numChildren());
        assertEquals(t.recomputeDigest(), t.digest());
    }

    @Test
    void setDataOfTheSameLengthOverwritesInPlaceAndOtherLengthsOrNullStillWork() throws Exception {
        DataTree t = new DataTree();
        t.apply(header(5, 1, OpCode.CREATE), new CreateTxn("/a", "abc".getBytes(), Acl.OPEN_ACL_UNSAFE, false, -1),
                ApplyMode.STRICT);
        byte[][] values = {"xyz".getBytes(), "xyz".getBytes(), "".getBytes(), null, null, "q".getBytes(),
                "longer value".getBytes(), "LONGER VALUE".getBytes(), new byte[0]};
        long zxid = 2;
        for (byte[] v : values) {
            byte[] mine = v == null ? null : v.clone();
            t.apply(header(5, zxid, OpCode.SET_DATA), new SetDataTxn("/a", mine, (int) zxid - 1), ApplyMode.STRICT);
            if (mine != null && mine.length > 0) {
                mine[0] = '!';
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(v, t.data("/a"), "after zxid " + zxid);
            assertEquals(v == null ? 0 : v.length, t.stat("/a").dataLength());
            assertEquals(t.recomputeDigest(), t.digest(), "after zxid " + zxid);
            zxid++;
        }
    }
}
