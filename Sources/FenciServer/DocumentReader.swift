#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FenciCorpus
import FenciRPC
import Foundation

/// Turns a document parameter into validated UTF-8 text, whatever its shape:
/// `"…"`, `{"text"}`, `{"data", "encoding"}` (base64 of gzip/zlib/identity bytes) or
/// `{"path"}` under the corpus directory. Every failure is an `RPCError` naming the field.
public struct DocumentReader: Sendable {
    public let maximumDocumentBytes: Int
    /// Real path of the corpus directory, or nil when paths are refused.
    public let corpusDirectory: String?

    public init(maximumDocumentBytes: Int, corpusDirectory: String?) {
        self.maximumDocumentBytes = maximumDocumentBytes
        self.corpusDirectory = corpusDirectory
    }

    /// The document's UTF-8 bytes.
    public func read(_ value: JSONValue, field: String) throws(RPCError) -> [UInt8] {
        switch value {
        case let .string(text):
            return try checkedSize(Array(text.utf8), field: field)
        case .object:
            if case let .string(text)? = value["text"] { return try checkedSize(Array(text.utf8), field: field) }
            if let data = value["data"] { return try decode(data: data, encoding: value["encoding"], field: field) }
            if let path = value["path"] { return try readFile(path, field: field) }
            throw RPCError.invalidParams(field: field, "\"\(field)\" must be a string or an object with \"text\", \"data\" or \"path\"")
        default:
            throw RPCError.invalidParams(field: field, "\"\(field)\" must be a document (a string or an object), not \(value.typeName)")
        }
    }

    private func checkedSize(_ bytes: [UInt8], field: String) throws(RPCError) -> [UInt8] {
        guard bytes.count <= maximumDocumentBytes else {
            throw RPCError(code: .messageTooLarge, message: "document \"\(field)\" is larger than \(maximumDocumentBytes) bytes",
                           data: .object([("field", .string(field))]))
        }
        return bytes
    }

    private func decode(data: JSONValue, encoding: JSONValue?, field: String) throws(RPCError) -> [UInt8] {
        guard case let .string(base64) = data else {
            throw RPCError.invalidParams(field: field, "\"\(field).data\" must be a base64 string")
        }
        var format = CompressionFormat.identity
        switch encoding {
        case nil, .string("identity")?: format = .identity
        case .string("gzip")?: format = .gzip
        case .string("zlib")?: format = .zlib
        case let other?:
            throw RPCError.invalidParams(field: field, "\"\(field).encoding\" must be \"gzip\", \"zlib\" or \"identity\", not \(other)")
        }
        guard let decoded = Data(base64Encoded: base64, options: .ignoreUnknownCharacters) else {
            throw RPCError.documentUnreadable(field: field, "\"\(field).data\" is not valid base64")
        }
        let bytes: [UInt8]
        do {
            bytes = try Inflater.inflate([UInt8](decoded), format: format, maximumOutputBytes: maximumDocumentBytes, name: field)
        } catch let error as CorpusError {
            throw map(error, field: field)
        } catch {
            throw RPCError.documentUnreadable(field: field, "\(error)")
        }
        return try validated(bytes, field: field, origin: "\"\(field)\"")
    }

    private func readFile(_ pathValue: JSONValue, field: String) throws(RPCError) -> [UInt8] {
        guard case let .string(path) = pathValue, !path.isEmpty else {
            throw RPCError.invalidParams(field: field, "\"\(field).path\" must be a non-empty string")
        }
        guard let corpusDirectory else {
            throw RPCError.documentUnreadable(field: field, "path documents are refused: the server has no --corpus-dir")
        }
        guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
            throw RPCError.documentUnreadable(field: field, "path \(path.debugDescription) is refused: it must be relative and stay inside the corpus directory")
        }
        let joined = corpusDirectory + "/" + path
        guard let resolved = realpath(joined, nil) else {
            throw RPCError.documentUnreadable(field: field, "no such document: \(path)")
        }
        let real = String(cString: resolved)
        free(resolved)
        guard real.hasPrefix(corpusDirectory + "/") else {
            throw RPCError.documentUnreadable(field: field, "path \(path.debugDescription) is refused: it leads outside the corpus directory")
        }
        let bytes: [UInt8]
        do {
            bytes = try ByteSource(path: real, maximumOutputBytes: maximumDocumentBytes).readAll()
        } catch let error as CorpusError {
            throw map(error.renamed(path), field: field)
        } catch {
            throw RPCError.documentUnreadable(field: field, "\(path): \(error)")
        }
        return try validated(bytes, field: field, origin: path)
    }

    private func map(_ error: CorpusError, field: String) -> RPCError {
        if case .outputTooLarge = error {
            return RPCError(code: .messageTooLarge, message: "document \"\(field)\" is larger than \(maximumDocumentBytes) bytes after decompression",
                            data: .object([("field", .string(field))]))
        }
        return RPCError.documentUnreadable(field: field, error.description)
    }

    private func validated(_ bytes: [UInt8], field: String, origin: String) throws(RPCError) -> [UInt8] {
        if let offset = UTF8Validation.firstInvalidByteOffset(in: bytes) {
            throw RPCError.documentUnreadable(field: field, "\(origin): invalid UTF-8 at byte \(offset)")
        }
        return bytes
    }
}
