import APIDefinition
import Testing

@Suite("Swift naming")
struct NamingTests {
    @Test(arguments: [
        ("phone_number", "phoneNumber"), ("user_id", "userID"), ("e-mail", "eMail"), ("2fa", "_2fa"),
        ("HTTPStatus", "httpStatus"), ("createdAt", "createdAt"), ("self", "_self"), ("default", "default"),
        ("Session_key", "sessionKey"), ("messageBody", "messageBody"), ("access_token", "accessToken"),
        ("two_factor_required_providers", "twoFactorRequiredProviders"), ("user_ids", "userIDs"),
        ("X-Request-ID", "xRequestID"), ("in app", "inApp"),
    ])
    func lowerCamel(wire: String, swift: String) {
        #expect(Naming.lowerCamel(wire) == swift)
    }

    @Test(arguments: [
        ("send_verification", "SendVerification"), ("sendVerification", "SendVerification"),
        ("get_access_token_success", "GetAccessTokenSuccess"), ("user_id", "UserID"),
    ])
    func upperCamel(wire: String, swift: String) {
        #expect(Naming.upperCamel(wire) == swift)
    }

    @Test func keywordsAreEscaped() {
        #expect(Naming.escaped("default") == "`default`")
        #expect(Naming.escaped("class") == "`class`")
        #expect(Naming.escaped("phoneNumber") == "phoneNumber")
    }

    @Test func statusNames() {
        #expect(Naming.statusCase(200) == "ok")
        #expect(Naming.statusCase(422) == "unprocessableEntity")
        #expect(Naming.statusCase(299) == "status299")
    }
}
