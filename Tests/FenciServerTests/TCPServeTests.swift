import Foundation
import Testing
import TestSupport

/// `fenci serve --tcp`: many clients at once, each isolated from the others' mistakes.
@Suite("serve --tcp", .serialized)
struct TCPServeTests {
    @Test("concurrent connections with pipelined requests all get their own answers")
    func concurrentConnections() async throws {
        let server = try ServerProcess()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for connection in 0..<16 {
                group.addTask {
                    let socket = try TestSocket(port: server.port)
                    let requests = try (0..<25).map { try JSON.request(id: "\(connection)-\($0)", method: "tokenize", params: ["text": "我爱北京天安门，\(connection)，\($0)", "format": "words"]) }
                    try socket.send(requests.joined())
                    var seen = Set<String>()
                    for _ in 0..<25 {
                        let reply = try JSON.object(try #require(socket.readLine()))
                        let id = try #require(reply["id"] as? String)
                        let index = id.split(separator: "-")[1]
                        let words = (reply["result"] as? [String: Any])?["words"] as? [String]
                        #expect(words == ["我", "爱", "北京", "天安门", "，", "\(connection)", "，", "\(index)"])
                        seen.insert(id)
                    }
                    #expect(seen.count == 25)
                }
            }
            try await group.waitForAll()
        }
    }

    @Test("a half-closed client still receives every pending reply")
    func halfClose() throws {
        let server = try ServerProcess()
        let socket = try TestSocket(port: server.port)
        try socket.send((1...5).map { try JSON.request(id: $0, method: "tokenize", params: ["text": "无锡物联网", "format": "words"]) }.joined())
        socket.finishSending()
        var ids: [Int] = []
        while let line = socket.readLine() { ids.append(try JSON.object(line)["id"] as? Int ?? -1) }
        #expect(ids.sorted() == [1, 2, 3, 4, 5])
    }

    @Test("bad headers close only that connection; a too-large message is answered and the connection goes on")
    func badHeadersAreIsolated() throws {
        let server = try ServerProcess(arguments: ["--max-message-bytes", "1000"])
        let healthy = try TestSocket(port: server.port)
        try healthy.send(try JSON.framed(id: 1, method: "status"))
        #expect(healthy.readFrame() != nil)

        for header in ["Content-Length: -5\r\n\r\n", "Content-Type: text\r\n\r\n{}", "NoColon\r\n\r\n", "Content-Length: ten\r\n\r\n"] {
            let bad = try TestSocket(port: server.port)
            try bad.send(header)
            #expect(bad.waitForClose(), "\(header.debugDescription) should close the connection")
        }

        let big = try TestSocket(port: server.port)
        let body = String(repeating: " ", count: 5000)
        try big.send("Content-Length: \(body.utf8.count)\r\n\r\n\(body)")
        try big.send(try JSON.framed(id: 2, method: "status"))
        let tooLarge = try JSON.object(try #require(big.readFrame()))
        #expect(JSON.errorCode(tooLarge) == -32010 && tooLarge["id"] is NSNull)
        #expect(try JSON.object(try #require(big.readFrame()))["id"] as? Int == 2)

        // A client that vanishes mid-message costs nothing.
        do {
            let vanishing = try TestSocket(port: server.port)
            try vanishing.send("Content-Length: 100\r\n\r\n{\"jsonrpc\":")
        }
        try healthy.send(try JSON.framed(id: 3, method: "status"))
        #expect(try JSON.object(try #require(healthy.readFrame()))["id"] as? Int == 3)
    }

    @Test("a client that stalls in the middle of a message is disconnected after the read timeout")
    func stalledClient() throws {
        let server = try ServerProcess(arguments: ["--read-timeout", "1"])
        let stalled = try TestSocket(port: server.port)
        try stalled.send("Content-Length: 50\r\nContent-Ty")
        let start = Date()
        #expect(stalled.waitForClose())
        #expect(Date().timeIntervalSince(start) < 10)
        // An idle client between messages is not disconnected.
        let idle = try TestSocket(port: server.port)
        Thread.sleep(forTimeInterval: 2.5)
        try idle.send(try JSON.framed(id: 1, method: "status"))
        #expect(idle.readFrame() != nil)
    }

    @Test("exit closes only that connection; SIGTERM finishes and exits 0")
    func exitAndTerminate() throws {
        let server = try ServerProcess()
        let first = try TestSocket(port: server.port)
        try first.send(#"{"jsonrpc":"2.0","method":"exit"}"# + "\n")
        #expect(first.waitForClose())
        let second = try TestSocket(port: server.port)
        try second.send(try JSON.request(id: 1, method: "status"))
        #expect(second.readLine() != nil)
        #expect(server.stop() == 0)
    }
}
