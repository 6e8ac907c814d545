package zkstore.cli.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.io.UncheckedIOException;

/** A JSON Lines sink: one object per line, streamed through jackson's generator. */
public final class JsonLines implements AutoCloseable {
  private static final JsonFactory FACTORY = new JsonFactory();
  private final JsonGenerator gen;

  /** Writes one root value with the generator. */
  @FunctionalInterface
  public interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  public JsonLines(Writer out) {
    try {
      gen = FACTORY.createGenerator(out);
      gen.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      gen.setRootValueSeparator(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes one line: the value {@code body} writes, then a newline. */
  public void line(Body body) throws IOException {
    body.write(gen);
    gen.writeRaw('\n');
  }

  public void flush() throws IOException {
    gen.flush();
  }

  @Override
  public void close() throws IOException {
    gen.close();
  }
}
