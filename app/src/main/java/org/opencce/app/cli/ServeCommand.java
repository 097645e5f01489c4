package org.opencce.app.cli;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.opencce.app.Installation;
import org.opencce.app.WebWiring;
import org.opencce.app.enrollment.PortalEnrollment;
import org.opencce.app.web.WebApp;
import org.opencce.domain.community.Program;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code opencce serve}: the public site and the staff console. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the public site (/) and the staff console (/console) until stopped with Ctrl-C.")
final class ServeCommand implements Runnable {
    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Mixin
    ProgramChoice programChoice = new ProgramChoice();

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "TCP port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Mixin
    NetworkOptions network = new NetworkOptions();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Installation installation = global.openInstallation();
        Program program = programChoice.resolve(installation.database().programs());
        serveUntilStoppedAfter(installation, program, network, port, spec, url -> {
            spec.commandLine().getOut().printf("%s is served at %s (staff console: %sconsole)%s. Press Ctrl-C to"
                    + " stop.%n", program.name(), url, url, network.listensOnNetwork()
                            ? ", listening on " + network.host + " (reachable from the network)" : "");
            spec.commandLine().getOut().flush();
        });
    }

    /**
     * Starts the web app on {@code network}'s host, tells {@code onStarted} the site's URL and blocks
     * until the process is stopped; then stops the server and closes the installation.
     */
    static void serveUntilStoppedAfter(Installation installation, Program program, NetworkOptions network, int port,
            CommandSpec spec, Consumer<String> onStarted) {
        // Until enrollment is wired to the store, the portal and the console say requests are not open yet.
        WebApp web = WebWiring.webApp(installation, program.id(), network.proxies(),
                new PortalEnrollment(installation.database(), PortalEnrollment.FIRST_OF_THE_MONTH, Clock.systemUTC()));
        int actual = web.start(network.host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.stop();
            installation.close();
            stopped.countDown();
        }, "opencce-shutdown"));
        onStarted.accept(network.urlFor(actual));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
