@testable import SystemSupport
import Testing

@Suite struct LogRateLimiterTests {
    @Test func aBurstIsWrittenTheRestCountedAndSummedUpWhenTheWindowEnds() {
        let limiter = LogRateLimiter(burst: 3, window: .seconds(10))
        let start = ContinuousClock.now
        let first = (0..<5).map { _ in limiter.admit("info request", now: start).write }
        #expect(first == [true, true, true, false, false])
        #expect(limiter.admit("info other", now: start).write, "each kind has its own budget")
        #expect(limiter.expired(now: start + .seconds(5)).isEmpty)
        let next = limiter.admit("info request", now: start + .seconds(11))
        #expect(next.write)
        #expect(next.summary == "notice repeated log lines dropped kind=\"info request\" count=2\n")
        _ = limiter.admit("info request", now: start + .seconds(11))
        for _ in 0..<5 { _ = limiter.admit("info request", now: start + .seconds(12)) }
        #expect(limiter.expired(now: start + .seconds(30)) == ["notice repeated log lines dropped kind=\"info request\" count=4\n"])
        #expect(limiter.totalDropped == 6, "every line dropped since start, for the line the daemon writes when it stops")
    }
}
