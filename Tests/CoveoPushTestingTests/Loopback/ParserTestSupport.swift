@testable import CoveoPushEmulator
@testable import CoveoPushTesting

/// What a parser did with some input: its events, and the error that stopped it, if any.
struct ParseTrace: Equatable {
    var events: [HTTPRequestParser.Event] = []
    var error: HTTPParseError?

    var messages: [HTTPRequestMessage] {
        events.compactMap { if case .message(let message) = $0 { message } else { nil } }
    }
}

extension HTTPRequestParser.Limits {
    static let testing = HTTPRequestParser.Limits(maxHeaderBytes: 1024, maxBodyBytes: 4096)
}

/// Feeds the pieces one after another, draining events after each, until the parser needs more or fails.
func parse(pieces: [[UInt8]], limits: HTTPRequestParser.Limits = .testing) -> ParseTrace {
    var parser = HTTPRequestParser(limits: limits)
    var trace = ParseTrace()
    for piece in pieces {
        parser.append(piece)
        do {
            while let event = try parser.nextEvent() { trace.events.append(event) }
        } catch {
            trace.error = error
            return trace
        }
    }
    return trace
}

/// Feeds the whole text at once.
func parse(_ text: String, limits: HTTPRequestParser.Limits = .testing) -> ParseTrace {
    parse(pieces: [Array(text.utf8)], limits: limits)
}
