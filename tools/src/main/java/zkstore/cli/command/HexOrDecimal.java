package zkstore.cli.command;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import zkstore.cli.format.Hex;

/** A zxid or session id argument: {@code 0x} and hex digits, or a decimal number; anything else is a usage error. */
final class HexOrDecimal implements ITypeConverter<Long> {
  @Override
  public Long convert(String value) {
    try {
      return Hex.parse(value);
    } catch (NumberFormatException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
