package zkstore.cli.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import zkstore.cli.UnusableInputException;

/**
 * UTF-8 text that must be valid: hands out every character before a bad byte sequence, then fails with
 * UnusableInputException naming the source, the line and the byte offset of that sequence.
 */
final class StrictUtf8Reader extends Reader {
  private final InputStream in;
  private final String source;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
  private boolean eof;
  private boolean flushed;
  private long consumed;
  private long line = 1;

  StrictUtf8Reader(InputStream in, String source) {
    this.in = in;
    this.source = source;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    CharBuffer out = CharBuffer.wrap(cbuf, off, len);
    while (true) {
      int before = bytes.position();
      CoderResult r = flushed ? CoderResult.UNDERFLOW : decoder.decode(bytes, out, eof);
      consumed += bytes.position() - before;
      if (r.isError() && out.position() == off) {
        throw new UnusableInputException(source + " line " + line + " (byte " + consumed + "): not UTF-8 text");
      }
      if (out.position() > off) {
        for (int i = off; i < out.position(); i++) {
          if (cbuf[i] == '\n') {
            line++;
          }
        }
        return out.position() - off;
      }
      if (eof) {
        if (!flushed) {
          flushed = true;
          decoder.flush(out);
          if (out.position() > off) {
            return out.position() - off;
          }
        }
        return -1;
      }
      bytes.compact();
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        eof = true;
      } else {
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
