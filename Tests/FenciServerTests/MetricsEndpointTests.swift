import Foundation
import Testing
import TestSupport

/// `fenci serve --metrics`: Prometheus text and readiness over plain HTTP, and
/// `fenci healthcheck` against it.
@Suite("serve --metrics", .serialized)
struct MetricsEndpointTests {
    @Test("/metrics counts the requests served over TCP, by method and outcome, in Prometheus text")
    func metricsReflectTraffic() throws {
        let server = try ServerProcess(arguments: ["--metrics", "127.0.0.1:0"])
        let metricsPort = try #require(server.metricsPort)
        let socket = try TestSocket(port: server.port)
        try socket.send(try JSON.request(id: 1, method: "tokenize", params: ["text": "无锡物联网创新促进中心"]))
        try socket.send(try JSON.request(id: 2, method: "tokenize", params: ["text": "x", "mode": "bogus"]))
        _ = try #require(socket.readLine())
        _ = try #require(socket.readLine())

        let (status, body) = try TestSocket.http(port: metricsPort, path: "/metrics")
        #expect(status == 200)
        let samples = Dictionary(body.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line -> (String, Double)? in
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { return nil }
            return (String(line[..<space]), value)
        }, uniquingKeysWith: { $1 })
        #expect(samples[#"fenci_requests_total{method="tokenize",outcome="ok"}"#] == 1)
        #expect(samples[#"fenci_requests_total{method="tokenize",outcome="error"}"#] == 1)
        #expect(samples[#"fenci_request_errors_total{method="tokenize",code="-32602"}"#] == 1)
        #expect(samples[#"fenci_request_duration_seconds_count{method="tokenize"}"#] == 2)
        #expect(samples[#"fenci_request_duration_seconds_bucket{method="tokenize",le="+Inf"}"#] == 2)
        #expect(samples["fenci_connections_open"] == 1)
        #expect(samples["fenci_segmented_bytes_total"] == 34)  // 33 bytes of Chinese + "x"
        #expect((samples["fenci_received_bytes_total"] ?? 0) > 0)
        #expect((samples["fenci_sent_bytes_total"] ?? 0) > 0)
        #expect(samples["fenci_requests_in_flight"] == 0)
        #expect(body.contains("# TYPE fenci_request_duration_seconds histogram"))
    }

    @Test("/healthz answers 200 once listening; other paths 404, other methods 405")
    func healthAndErrors() throws {
        let server = try ServerProcess(arguments: ["--metrics", "127.0.0.1:0"])
        let metricsPort = try #require(server.metricsPort)
        #expect(try TestSocket.http(port: metricsPort, path: "/healthz") == (200, "ok\n"))
        #expect(try TestSocket.http(port: metricsPort, path: "/nope").status == 404)
        #expect(try TestSocket.http(port: metricsPort, method: "POST", path: "/metrics").status == 405)
    }

    @Test("after SIGTERM /healthz says 503 while in-flight work drains, and the reply still arrives")
    func drainingIsNotReady() throws {
        let server = try ServerProcess(arguments: ["--metrics", "127.0.0.1:0", "--workers", "1"])
        let metricsPort = try #require(server.metricsPort)
        #expect(try TestSocket.http(port: metricsPort, path: "/healthz").status == 200)
        // About two seconds of tagging on one worker: long enough to probe while it runs.
        let text = String(repeating: "无锡物联网创新促进中心今天召开会议，研究部署下一阶段工作。", count: 300_000)
        let socket = try TestSocket(port: server.port)
        try socket.send(try JSON.request(id: 1, method: "tokenize", params: ["text": text, "pos": true, "format": "words"]))
        // SIGTERM once the request is running (received in full and dispatched).
        var running = false
        for _ in 0..<500 where !running {
            running = (try? TestSocket.http(port: metricsPort, path: "/metrics").body)?.contains("fenci_requests_in_flight 1") == true
            if !running { usleep(10_000) }
        }
        try #require(running)
        kill(server.process.processIdentifier, SIGTERM)
        var status = 0
        for _ in 0..<50 where status != 503 {
            status = (try? TestSocket.http(port: metricsPort, path: "/healthz").status) ?? -1
            usleep(20_000)
        }
        #expect(status == 503)
        let reply = try JSON.object(try #require(socket.readLine()))
        #expect((reply["result"] as? [String: Any])?["words"] != nil)
        server.process.waitUntilExit()
        #expect(server.process.terminationStatus == 0)
    }

    @Test("fenci healthcheck exits 0 against a ready server and 1, saying why, when nothing listens")
    func healthcheckCommand() throws {
        let server = try ServerProcess(arguments: ["--metrics", "127.0.0.1:0"])
        let metricsPort = try #require(server.metricsPort)
        let healthy = try CommandRun.fenci(["healthcheck", "127.0.0.1:\(metricsPort)"])
        #expect(healthy.status == 0)
        #expect(healthy.stdoutText.hasPrefix("HTTP/1.1 200"))

        // The JSON-RPC port does not speak HTTP: the probe must fail, not hang or pass.
        let wrongPort = try CommandRun.fenci(["healthcheck", "127.0.0.1:\(server.port)", "--timeout", "2"])
        #expect(wrongPort.status == 1)

        server.stop()
        let down = try CommandRun.fenci(["healthcheck", "127.0.0.1:\(metricsPort)"])
        #expect(down.status == 1)
        #expect(down.stderr.contains("cannot connect"))
    }

    @Test("a bad --metrics address is a usage error naming the option")
    func badAddress() throws {
        let run = try CommandRun.fenci(["serve", "--tcp", "127.0.0.1:0", "--metrics", "localhost"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--metrics must be HOST:PORT"))
    }

    @Test("status reports the allocator: jemalloc in the default build")
    func allocatorIsJemalloc() throws {
        let server = try ServerProcess()
        let socket = try TestSocket(port: server.port)
        try socket.send(try JSON.request(id: 1, method: "status"))
        let result = try JSON.object(try #require(socket.readLine()))["result"] as? [String: Any]
        #expect(result?["allocator"] as? String == "jemalloc")
    }

    @Test("built with --disable-default-traits, fenci runs on glibc's malloc and does not load jemalloc")
    func systemAllocatorBuild() throws {
        // scripts/test.sh builds this variant and names it here.
        let path = try #require(ProcessInfo.processInfo.environment["FENCI_SYSTEM_MALLOC_FENCI"],
                                "run through scripts/test.sh, which builds the --disable-default-traits variant")
        let run = try CommandRun.run(URL(fileURLWithPath: path), ["serve", "--stdio", "--log-level", "error"],
                                     input: Array(try JSON.request(id: 1, method: "status").utf8))
        #expect(run.status == 0, "\(run.stderr)")
        let reply = try JSON.object(run.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect((reply["result"] as? [String: Any])?["allocator"] as? String == "system")
        // The library name appears in the ELF dynamic section only when it is linked.
        let marker = Data("libjemalloc.so".utf8)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).range(of: marker) == nil)
        #expect(try Data(contentsOf: TestPaths.fenciBinary).range(of: marker) != nil)
    }
}
