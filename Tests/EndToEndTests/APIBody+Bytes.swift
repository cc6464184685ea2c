@_spi(Generated) import APIRuntime
import Foundation

extension APIBody {
    /// The bytes of a buffered body (every body the in-process router and client produce); empty for a
    /// streamed one, which these tests never read this way.
    var bytes: Data { bufferedData ?? Data() }
}
