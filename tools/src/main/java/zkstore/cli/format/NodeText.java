package zkstore.cli.format;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import zkstore.cli.source.NodeView;
import zkstore.record.StatPersisted;

/** One znode on one line for people: path, versions, owner, ACL and data (as text when it is printable UTF-8, else hex). */
public final class NodeText {
  private NodeText() {}

  public static String line(NodeView n) {
    StatPersisted s = n.stat();
    return n.path() + "  version " + s.version() + "  cversion " + s.cversion() + "  aversion " + s.aversion()
        + "  mzxid " + Hex.of(s.mzxid()) + "  owner " + Hex.of(s.ephemeralOwner()) + "  acl " + AclText.of(n.acl())
        + "  data " + data(n.data());
  }

  /** {@code null}, a quoted string when printable UTF-8, else {@code #} and hex. */
  public static String data(byte[] d) {
    if (d == null) {
      return "null";
    }
    try {
      String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(d)).toString();
      if (s.chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
      }
    } catch (CharacterCodingException e) {
      // not text
    }
    StringBuilder sb = new StringBuilder("#");
    for (byte b : d) {
      sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return sb.toString();
  }
}
