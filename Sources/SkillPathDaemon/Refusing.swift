import JSONRPC
import SkillPathAPI
import SkillPathJSON
import SystemSupport

extension UnixSocket {
    /// Answers `refusal` once (with `id: null`: no request was read) and hangs up the way that keeps the
    /// answer: stop sending, then read and drop what the client still sends for up to a second, because
    /// closing on unread data resets the connection and the client would lose the answer. The caller
    /// closes the descriptor afterwards.
    func refuseAndHangUp(_ refusal: ConnectionRefusal) {
        let reply = JSONWriter.bytes(JSONRPCProcessor.errorResponse(.null, APIError.rpcError(for: refusal))) + [0x0A]
        try? setSendTimeout(seconds: 1)
        try? write(reply)
        shutdownWriting()
        try? setReceiveTimeout(seconds: 1)
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 65_536, alignment: 1)
        defer { scratch.deallocate() }
        let deadline = ContinuousClock.now + .seconds(1)
        while ContinuousClock.now < deadline, let count = try? read(into: scratch), count > 0 {}
    }
}
