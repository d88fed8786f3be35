package dev.sensorpipeline.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An option whose value is one of an enum's constants, named in any case; a bad value gets a line naming the good
 * ones ("'x' is not a format: choose table, csv or json"). A tool's converter is a subclass naming the enum.
 */
public abstract class EnumChoice<E extends Enum<E>> implements ITypeConverter<E> {

    private final Class<E> type;
    private final String what;

    /**
     * @param what what the value is, for the message: "a format"
     */
    protected EnumChoice(Class<E> type, String what) {
        this.type = type;
        this.what = what;
    }

    @Override
    public final E convert(String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not " + what + ": choose " + choices());
        }
    }

    private String choices() {
        List<String> names = Arrays.stream(type.getEnumConstants())
                .map(constant -> constant.name().toLowerCase(Locale.ROOT)).toList();
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
