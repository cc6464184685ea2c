import APIDefinition
import Foundation

/// Converts an OpenAPI 3.0.x or 3.1.x document (JSON) into a definition that passes
/// ``DefinitionChecker/check(_:locate:)``, and says, with one located ``Warning`` each, what it
/// dropped or approximated.
///
/// The mapping, in the document's order (paths, methods within a path, properties, schemas):
///
/// - **Service.** `info.title` and `info.description` become the title and doc. The name is
///   `serviceName`, else `x-apigen-service-name`, else the UpperCamel form of the title (`API` when
///   there is none; `API` is appended when it would be a keyword). `servers[0].url` with its
///   variables' defaults is the base URL; a relative URL is put under `https://example.com`.
/// - **Security.** HTTP bearer → `bearer` (with `bearerFormat`); an API key in a header →
///   `apiKey`. Other schemes are dropped, and so is every requirement alternative that uses one.
///   Each requirement object is one alternative of schemes used together. An empty requirement
///   (`{}`, auth optional) makes the operation need no auth.
/// - **Schemas.** An object (properties, or `allOf` with an object part) → object type; a string
///   enum → enum type; a `oneOf` of objects → oneOf type (discriminator values from `mapping`, else
///   the schema's name); a `oneOf`/`anyOf` of string constants → enum type; an `anyOf` of objects,
///   oneOfs, enums and primitives → anyOf type (next to `properties`: every alternative's fields,
///   all optional). `additionalProperties: {schema}`
///   without properties → map `{T}`; beside properties → the members beside the fields, of any type a
///   map holds except files (and, in a deepObject parameter, only primitives and enums); a free-form object or a schema without a type → `json`.
///   Integer and number enums → the number type bounded by the smallest and largest value. Other
///   schemas (primitives, arrays, maps) are inlined where they are used, including `$ref`s to them.
/// - **Fields.** `required`; `nullable: true` (3.0), `type: [T, "null"]` and a `null` alternative
///   (3.1) → nullable; `format` `uuid`, `date-time`, `int32`, `int64` → those types; string `date`,
///   `byte`, `uri` → `date`, `bytes`, `uri`, number `decimal` → `decimal`, integer `unix-time` (or
///   `x-apigen-type: unix-time`) → `unix-time`, unless the schema has constraints only the plain type
///   carries (a `date` with a `pattern` stays a string, a `decimal` with bounds a number); `minLength`
///   `maxLength` `pattern` `minimum` `maximum` `minItems` `maxItems`; exclusive bounds exactly on
///   integers and as inclusive bounds on numbers; `const` or a one-value enum → `const` on a required
///   field, else a one-value enum type; `default` on an optional field; `description` (else `title`)
///   → doc; `readOnly`, `writeOnly` → those flags on the field; `format: password`, and `writeOnly` on
///   a name containing password, secret or token → sensitive.
/// - **Inline types** get deterministic names: `<Parent><Property>` for a property,
///   `<Name>Item` for array items, `<Name>Value` for map values, `<Name>Variant<N>` for inline oneOf
///   alternatives, `<Operation>Body`, `<Operation><Status>Response`, `<Operation><Parameter>`, and
///   `<Key>Response`/`<Key>Body`/`<Key>` for schemas inside shared `components.responses`,
///   `requestBodies` and `parameters`. A name that is taken gets `2`, `3`, … appended.
/// - **Names.** A schema keeps its name when it is a usable Swift type name. Otherwise it becomes
///   UpperCamel (`pet-owner` → `PetOwner`), and a name that is a keyword, a type generated code uses
///   (`Error`, `Date`, `Data`, `URL`, …), a primitive (`string`, `json`) or a name apigen generates
///   (`<Service>Client`, `<Operation>Input`) gets `Model` appended (`Error` → `ErrorModel`). An
///   operation keeps its `operationId` when it makes a Swift method name; a keyword gets `Operation`
///   appended; without an operationId the name is the method and the path
///   (`GET /pets/{id}` → `getPetsByID`). Swift property, argument and case names that would
///   collide get a `swiftName`. Every rename of a name from the document is a warning.
/// - **Operations** follow the paths in document order, and each path's methods in document order.
///   TRACE, callbacks, links, webhooks, cookie parameters, array and object parameters, the
///   `default` response and status ranges (`2XX`) are dropped with a warning. Path-level
///   parameters come first; an operation-level parameter replaces the path-level one with the
///   same name and location.
/// - **Bodies.** `application/json`, `application/xml`, `application/x-www-form-urlencoded` and
///   `multipart/form-data` (`+json`, `text/xml`, `+xml` are read as JSON and XML). XML assumes the
///   dialect `{"rootElement": "root", "listItemElement": "item"}`, because OpenAPI does not
///   describe one. A form content type whose object is not flat is dropped. A body that is not a
///   declared type or an array of one is dropped (requests) or untyped (responses).
/// - **Recursion.** A field that would make a type contain itself (other than through an array or
///   a map) is typed `json`: Swift structs cannot contain themselves.
/// - **Extensions.** `x-apigen-*` (written by ``OpenAPIExporter``) restore what OpenAPI cannot say:
///   service name, XML dialect, response format parameter, Swift names, sensitive fields and
///   parameters, open enums and enum value docs. Other `x-` extensions are ignored.
/// - **Annotations without meaning for code** are ignored without a warning: `example`,
///   `examples`, `externalDocs`, `tags`, `$comment`, `info.version` and the other `info` members,
///   and unknown string formats (`date`, `email`, …), which stay `string`.
public enum OpenAPIImporter {
    /// Something the importer could not map faithfully, located by JSON pointer (`#/paths/~1pets/get/callbacks`).
    public struct Warning: Sendable, Hashable, CustomStringConvertible {
        /// Where the construct is: a JSON pointer into the OpenAPI document.
        public var pointer: String
        /// What was dropped or approximated, and what the definition says instead.
        public var message: String

        /// A warning about the construct at `pointer`.
        public init(pointer: String, message: String) {
            self.pointer = pointer
            self.message = message
        }

        /// The warning as `apigen import` prints it: the pointer, the message and the ``kind`` in brackets.
        public var description: String { "\(pointer): warning: \(message) [\(kind)]" }
    }

    /// A document the importer cannot convert: not JSON, not OpenAPI 3.0 or 3.1, or a reference
    /// inside the document that does not resolve.
    public struct ImportError: Error, Sendable, CustomStringConvertible {
        /// Where the problem is: a JSON pointer into the document.
        public var pointer: String
        /// What is wrong.
        public var message: String

        /// An error about the construct at `pointer`.
        public init(pointer: String, message: String) {
            self.pointer = pointer
            self.message = message
        }

        public var description: String { "\(pointer): \(message)" }
    }

    /// Converts an OpenAPI 3.0.x or 3.1.x document (JSON) into a definition. `serviceName` overrides the
    /// name derived from info.title.
    /// - Parameters:
    ///   - data: The document's bytes (JSON).
    ///   - file: The document's path, kept as the definition's `file`.
    ///   - serviceName: The service name to use instead of the one derived from the document.
    /// - Returns: The definition, which passes the checker, and the warnings in the order the importer
    ///   meets them: security schemes, paths, schema names, schemas, then operations.
    /// - Throws: ``ImportError`` when the document is not JSON, not OpenAPI 3.0/3.1, or has a local
    ///   reference that does not resolve.
    public static func convert(_ data: Data, file: String, serviceName: String? = nil) throws(ImportError)
        -> (definition: Definition, warnings: [Warning])
    {
        let root: OrderedJSON
        do {
            root = try OrderedJSON.parse(data)
        } catch {
            throw ImportError(pointer: "#", message: "not valid JSON: \(error)")
        }
        let run = ImportRun(root: root, file: file, serviceName: serviceName)
        return try run.run()
    }
}
