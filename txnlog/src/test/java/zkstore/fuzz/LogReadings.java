package zkstore.fuzz;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.server.TxnLogEntry;
import org.apache.zookeeper.server.persistence.FileTxnLog;
import org.apache.zookeeper.server.persistence.TxnLog;
import zkstore.jute.FormatException;
import zkstore.oracle.ZooKeeperRecords;
import zkstore.record.CreateTxn;
import zkstore.record.TxnRecord;
import zkstore.txnlog.ReadOutcome;
import zkstore.txnlog.TxnLogReader;

/** What a full read of a log returned, by zkstore's reader and by ZooKeeper 3.9.3's FileTxnLog. */
final class LogReadings {

    /** The entries returned before the read ended, how it ended, and the error if it ended in one. */
    record Reading(List<TxnRecord> records, ReadOutcome outcome, Exception error) {
    }

    private LogReadings() {
    }

    /** Reads every entry; only FormatException may end the read early (anything else propagates). */
    static Reading zkstore(TxnLogReader reader) throws IOException {
        List<TxnRecord> out = new ArrayList<>();
        try (reader) {
            while (reader.next()) {
                out.add(reader.record());
            }
            return new Reading(out, reader.outcome(), null);
        } catch (FormatException e) {
            return new Reading(out, reader.outcome(), e);
        }
    }

    /** ZooKeeper's iteration of {@code dir} from {@code startZxid}; whatever it throws ends it. */
    static Reading zooKeeper(Path dir, long startZxid) {
        List<TxnRecord> out = new ArrayList<>();
        try {
            FileTxnLog log = new FileTxnLog(new File(dir.toString()));
            try (TxnLog.TxnIterator it = log.read(startZxid)) {
                while (it.getHeader() != null) {
                    out.add(withoutLegacyFlag(ZooKeeperRecords.fromZk(new TxnLogEntry(it.getTxn(), it.getHeader(),
                            it.getDigest()))));
                    if (!it.next()) {
                        break;
                    }
                }
            } finally {
                log.close();
            }
            return new Reading(out, null, null);
        } catch (IOException | RuntimeException e) {
            return new Reading(out, null, e);
        }
    }

    static TxnRecord withoutLegacyFlag(TxnRecord t) {
        if (t.body() instanceof CreateTxn c && c.legacyV0()) {
            return new TxnRecord(t.header(), new CreateTxn(c.path(), c.data(), c.acl(), c.ephemeral(), -1), t.digest());
        }
        return t;
    }

    static List<TxnRecord> withoutLegacyFlags(List<TxnRecord> records) {
        return records.stream().map(LogReadings::withoutLegacyFlag).toList();
    }

    /** True if a decoded string holds a character outside the BMP, which ZooKeeper's writer cannot keep. */
    static boolean hasSurrogates(List<TxnRecord> records) {
        return records.toString().chars().anyMatch(c -> Character.isSurrogate((char) c));
    }
}
