@_spi(Generated) import APIRuntime
import Testing

@Suite struct CookiesTests {
    @Test func findsANamedCookieAmongSeveralFieldsAndPairs() {
        var headers = HeaderFields()
        headers.add("Cookie", "theme=dark;  session = abc ")
        headers.add("cookie", "lang=\"en\"; Session=upper")
        #expect(Cookies.value(named: "session", in: headers) == "abc")
        #expect(Cookies.value(named: "Session", in: headers) == "upper")
        #expect(Cookies.value(named: "lang", in: headers) == "en")
        #expect(Cookies.value(named: "theme", in: headers) == "dark")
        #expect(Cookies.value(named: "missing", in: headers) == nil)
    }

    @Test func ignoresPairsWithoutEqualsAndEmptyPieces() {
        let headers: HeaderFields = ["Cookie": ";;flag; a=; b==c"]
        #expect(Cookies.value(named: "flag", in: headers) == nil)
        #expect(Cookies.value(named: "a", in: headers) == "")
        #expect(Cookies.value(named: "b", in: headers) == "=c")
    }

    @Test func addedCookiesReadBackInOrder() {
        var headers = HeaderFields()
        Cookies.add(name: "a", value: "1", to: &headers)
        Cookies.add(name: "b", value: "2", to: &headers)
        #expect(headers["Cookie"] == "a=1; b=2")
        #expect(Cookies.value(named: "b", in: headers) == "2")
        #expect(headers.fields.count == 1)
    }
}
