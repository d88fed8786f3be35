package dev.sensorpipeline.alerts.rules;

/** The rules every new reading is checked against, by the names alerts carry in {@code Rule}. */
public enum Rule {

    /** The temperature is above the high threshold. */
    HIGH_TEMPERATURE("high-temperature"),
    /** The temperature is below the low threshold. */
    LOW_TEMPERATURE("low-temperature"),
    /** The temperature is more than the rise above the lowest reading of the window before it. */
    RISING_FAST("rising-fast");

    private final String ruleName;

    Rule(String ruleName) {
        this.ruleName = ruleName;
    }

    /** The name in the alert's {@code Rule} attribute and message attribute. */
    public String ruleName() {
        return ruleName;
    }
}
