package org.chempark.bridge.modbus.internal;

import java.util.List;

/** A register map that cannot be used; {@link #problems()} names each bad line and what to write instead. */
public class RegisterMapException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public RegisterMapException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
