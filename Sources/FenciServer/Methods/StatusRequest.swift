import FenciRPC

/// `status`: liveness and counters.
enum StatusRequest {
    static let method = "status"

    static func handle(service: Service, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("status"); writer.string("ok")
        writer.key("version"); writer.string(Service.version)
        writer.key("uptimeSeconds"); writer.double((service.uptimeSeconds * 1000).rounded() / 1000)
        writer.key("requestsServed"); writer.integer(service.requestsServed)
        writer.key("inFlight"); writer.integer(service.inFlight)
        writer.key("allocator"); writer.string(ProcessAllocator.name)
        writer.key("dictionary")
        writer.beginObject()
        writer.key("words"); writer.integer(service.segmenter.wordCount)
        writer.endObject()
        writer.endObject()
    }
}
