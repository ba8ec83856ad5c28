import ArgumentParser
import FenciServer

/// `fenci healthcheck HOST:PORT`: exit 0 when a server's `/healthz` answers 200.
///
/// For container health checks: the runtime image has no shell and no curl, only `fenci`.
struct HealthcheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "healthcheck",
        abstract: "Probe a running server's /healthz (the --metrics address); exit 0 when it answers 200.",
        discussion: "Prints the status line on success and the reason on failure (exit 1)."
    )

    @Argument(help: ArgumentHelp("The address given to `fenci serve --metrics`.", valueName: "HOST:PORT"))
    var address: String = "127.0.0.1:9090"

    @Option(help: "Seconds to wait for the connection and the answer.")
    var timeout: Int = 5

    func validate() throws {
        _ = try ServeCommand.parseAddress(address, option: "healthcheck")
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
    }

    func run() throws {
        let (host, port) = try ServeCommand.parseAddress(address, option: "healthcheck")
        do {
            let statusLine = try HealthProbe.check(host: host == "0.0.0.0" ? "127.0.0.1" : host, port: port, timeoutSeconds: timeout)
            print(statusLine)
        } catch {
            StandardError.error("\(address): \(error)")
            throw ExitCode(1)
        }
    }
}
