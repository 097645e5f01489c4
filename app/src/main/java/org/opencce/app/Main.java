package org.opencce.app;

import org.opencce.app.cli.OpenCceCommand;

/** Entry point of {@code opencce.jar}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(OpenCceCommand.commandLine().execute(args));
    }
}
