import APIDefinition
import APIGenerator
import APIOpenAPI
import Foundation
import TestSupport
import Testing

/// `apigen import`: OpenAPI 3.0 and 3.1 documents become definitions that check clean, with one
/// located warning for everything that could not be kept as it was.
@Suite("OpenAPI import")
struct OpenAPIImportTests {
    /// Imports `text`, and requires that the definition checks clean and reads back unchanged from
    /// the file ``DefinitionWriter`` writes.
    func importing(_ text: String, serviceName: String? = nil) throws -> (
        definition: Definition, warnings: [String]
    ) {
        let (definition, warnings) = try OpenAPIImporter.convert(
            Data(text.utf8), file: "openapi.json", serviceName: serviceName)
        let diagnostics = DefinitionChecker.check(definition)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))")
        let written = DefinitionWriter.text(definition)
        let loaded = try DefinitionLoader.load(data: Data(written.utf8), file: "openapi.json")
        #expect(loaded == definition)
        return (definition, warnings.map { "\($0.pointer): \($0.message)" })
    }

    func field(_ definition: Definition, _ type: String, _ name: String) -> Field? {
        definition.type(named: type)?.fields.first { $0.name == name }
    }

    // MARK: OpenAPI 3.0

    static let petStore = #"""
        {
          "openapi": "3.0.3",
          "info": { "title": "Pet Store", "description": "Pets for everyone.", "version": "1.0.0" },
          "servers": [
            {
              "url": "{scheme}://api.example.com/{version}/",
              "variables": { "scheme": { "default": "https" }, "version": { "default": "v2" } }
            }
          ],
          "security": [{ "bearer": [] }],
          "paths": {
            "/pets": {
              "parameters": [{ "$ref": "#/components/parameters/Limit" }],
              "get": {
                "operationId": "listPets",
                "summary": "List pets",
                "parameters": [
                  { "name": "status", "in": "query", "schema": { "type": "string", "enum": ["available", "sold"] } },
                  { "name": "session", "in": "cookie", "schema": { "type": "string" } },
                  { "name": "ids", "in": "query", "schema": { "type": "array", "items": { "type": "integer" } } },
                  { "name": "X-Request-ID", "in": "header", "schema": { "type": "string", "format": "uuid" } }
                ],
                "responses": {
                  "200": {
                    "description": "The pets.",
                    "content": {
                      "application/json": {
                        "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Pet" } }
                      }
                    }
                  },
                  "default": {
                    "description": "Unexpected.",
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } }
                  }
                }
              },
              "post": {
                "operationId": "createPet",
                "security": [],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": { "schema": { "$ref": "#/components/schemas/NewPet" } },
                    "application/xml": { "schema": { "$ref": "#/components/schemas/NewPet" } }
                  }
                },
                "responses": {
                  "201": {
                    "description": "Created.",
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } }
                  },
                  "400": { "$ref": "#/components/responses/BadRequest" }
                },
                "callbacks": {
                  "onAdopted": {
                    "{$request.body#/callback}": { "post": { "responses": { "200": { "description": "OK" } } } }
                  }
                }
              }
            },
            "/pets/{petId}": {
              "get": {
                "parameters": [
                  {
                    "name": "petId",
                    "in": "path",
                    "required": true,
                    "schema": { "type": "integer", "format": "int64" }
                  }
                ],
                "security": [{ "apiKey": [], "bearer": [] }, { "oauth": ["read", "admin"] }, { "mtls": [] }],
                "responses": {
                  "200": {
                    "description": "The pet.",
                    "headers": { "ETag": { "schema": { "type": "string" } } },
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } },
                    "links": { "owner": { "operationId": "listPets" } }
                  },
                  "2XX": { "description": "Other success." },
                  "404": { "description": "No such pet." }
                }
              },
              "delete": {
                "operationId": "deletePet",
                "deprecated": true,
                "parameters": [
                  {
                    "name": "petId",
                    "in": "path",
                    "required": true,
                    "schema": { "type": "integer", "format": "int64" }
                  }
                ],
                "responses": { "204": { "description": "Deleted." } }
              },
              "trace": { "responses": { "200": { "description": "OK" } } }
            },
            "/animals": {
              "put": {
                "operationId": "import",
                "requestBody": {
                  "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Animal" } } }
                },
                "responses": {
                  "200": { "description": "Stored.", "content": { "text/plain": { "schema": { "type": "string" } } } }
                }
              }
            },
            "/login": {
              "post": {
                "operationId": "login",
                "security": [{}],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/x-www-form-urlencoded": { "schema": { "$ref": "#/components/schemas/Login" } },
                    "multipart/form-data": { "schema": { "$ref": "#/components/schemas/Login" } }
                  }
                },
                "responses": {
                  "200": {
                    "description": "Logged in.",
                    "content": {
                      "application/json": {
                        "schema": { "type": "object", "properties": { "token": { "type": "string" } } }
                      }
                    }
                  }
                }
              }
            },
            "/owners": {
              "post": {
                "operationId": "createOwner",
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": { "schema": { "$ref": "#/components/schemas/pet-owner" } },
                    "application/x-www-form-urlencoded": { "schema": { "$ref": "#/components/schemas/pet-owner" } }
                  }
                },
                "responses": { "201": { "description": "Created." } }
              }
            }
          },
          "components": {
            "securitySchemes": {
              "bearer": { "type": "http", "scheme": "bearer", "bearerFormat": "JWT", "description": "A JWT." },
              "apiKey": { "type": "apiKey", "in": "header", "name": "X-API-Key" },
              "queryKey": { "type": "apiKey", "in": "query", "name": "key" },
              "basic": { "type": "http", "scheme": "basic" },
              "oauth": {
                "type": "oauth2",
                "flows": {
                  "implicit": { "authorizationUrl": "https://example.com/auth", "scopes": { "read": "Read." } }
                }
              },
              "mtls": { "type": "mutualTLS" },
              "digest": { "type": "http", "scheme": "digest" }
            },
            "parameters": {
              "Limit": {
                "name": "limit",
                "in": "query",
                "description": "At most this many.",
                "schema": { "type": "integer", "minimum": 1, "maximum": 100, "default": 20 }
              }
            },
            "responses": {
              "BadRequest": {
                "description": "Bad request.",
                "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } }
              }
            },
            "schemas": {
              "Pet": {
                "type": "object",
                "description": "A pet.",
                "required": ["id", "name", "kind"],
                "properties": {
                  "id": { "type": "integer", "format": "int64" },
                  "name": { "type": "string", "minLength": 1, "maxLength": 50, "pattern": "^[A-Za-z ]+$" },
                  "kind": { "type": "string", "enum": ["pet"] },
                  "tag": { "type": "string", "nullable": true, "description": "A free tag." },
                  "status": { "type": "string", "enum": ["available", "sold"] },
                  "born": { "type": "string", "format": "date-time" },
                  "chip": { "type": "string", "format": "uuid" },
                  "weight": {
                    "type": "number",
                    "format": "double",
                    "minimum": 0,
                    "maximum": 100,
                    "exclusiveMaximum": true
                  },
                  "age": { "type": "integer", "format": "int32", "minimum": 0, "exclusiveMinimum": true },
                  "tags": { "type": "array", "minItems": 1, "items": { "type": "string", "maxLength": 10 } },
                  "scores": { "type": "object", "additionalProperties": { "type": "integer" } },
                  "extra": { "type": "object" },
                  "level": { "type": "integer", "enum": [1, 2, 3] },
                  "limit": { "type": "integer", "default": 10 },
                  "shape": { "type": "string", "not": { "enum": ["round"] } }
                }
              },
              "NewPet": {
                "allOf": [
                  { "$ref": "#/components/schemas/Pet" },
                  {
                    "type": "object",
                    "required": ["secret"],
                    "properties": { "secret": { "type": "string", "format": "password", "writeOnly": true } }
                  }
                ]
              },
              "Error": { "type": "object", "required": ["message"], "properties": { "message": { "type": "string" } } },
              "Cat": {
                "type": "object",
                "required": ["petType", "meows"],
                "properties": { "petType": { "type": "string" }, "meows": { "type": "boolean" } }
              },
              "Dog": {
                "type": "object",
                "required": ["petType", "barks"],
                "properties": { "petType": { "type": "string" }, "barks": { "type": "boolean" } }
              },
              "Animal": {
                "oneOf": [{ "$ref": "#/components/schemas/Cat" }, { "$ref": "#/components/schemas/Dog" }],
                "discriminator": { "propertyName": "petType", "mapping": { "cat": "#/components/schemas/Cat" } }
              },
              "CatOrDog": { "anyOf": [{ "$ref": "#/components/schemas/Cat" }, { "$ref": "#/components/schemas/Dog" }] },
              "Login": {
                "type": "object",
                "required": ["user", "password"],
                "properties": { "user": { "type": "string" }, "password": { "type": "string", "format": "password" } }
              },
              "pet-owner": {
                "type": "object",
                "required": ["name"],
                "properties": {
                  "name": { "type": "string" },
                  "pets": { "type": "array", "items": { "$ref": "#/components/schemas/Pet" } }
                }
              }
            }
          }
        }
        """#

    @Test func openAPI30ServiceAndSecurity() throws {
        let (definition, _) = try importing(Self.petStore)
        #expect(
            definition.service
                == Service(
                    name: "PetStore", title: "Pet Store", doc: "Pets for everyone.",
                    baseURL: "https://api.example.com/v2",
                    xml: XMLDialectSpec(
                        rootElement: "root", listItemElement: "item", trueText: "true", falseText: "false"))
        )
        #expect(
            definition.auth == [
                AuthScheme(name: "bearer", kind: .bearer(format: "JWT"), doc: "A JWT."),
                AuthScheme(name: "apiKey", kind: .apiKeyHeader(name: "X-API-Key"), doc: nil),
                AuthScheme(name: "queryKey", kind: .apiKeyQuery(name: "key"), doc: nil),
                AuthScheme(name: "basic", kind: .basic, doc: nil),
                AuthScheme(
                    name: "oauth",
                    kind: .oauth2(flows: [
                        OAuthFlow(
                            kind: .implicit, authorizationURL: "https://example.com/auth",
                            scopes: [OAuthScope(name: "read", doc: "Read.")])
                    ]), doc: nil),
            ])
        let auth = Dictionary(uniqueKeysWithValues: definition.operations.map { ($0.name, $0.auth) })
        #expect(auth["listPets"] == [["bearer"]])  // the document's default
        #expect(auth["createPet"] == [])  // `security: []`
        // The scope no flow offers and the mutualTLS alternative are dropped.
        #expect(auth["getPetsByPetID"] == [["apiKey", "bearer"], [AuthUse(scheme: "oauth", scopes: ["read"])]])
        #expect(auth["login"] == [])  // `{}`: optional auth
        #expect(
            try OpenAPIImporter.convert(Data(Self.petStore.utf8), file: "", serviceName: "Shop").definition.service.name
                == "Shop")
    }

    @Test func openAPI30Schemas() throws {
        let (definition, _) = try importing(Self.petStore)
        #expect(
            definition.types.map(\.name) == [
                "Pet", "PetStatus", "PetLevel", "NewPet", "ErrorModel", "Cat", "Dog", "Animal", "CatOrDog", "Login", "PetOwner",
                "ListPetsStatus", "Login200Response",
            ])
        let pet = try #require(definition.type(named: "Pet"))
        #expect(pet.doc == "A pet.")
        #expect(
            pet.fields == [
                Field(name: "id", type: .int64),
                Field(
                    name: "name", type: .string,
                    constraints: Constraints(minLength: 1, maxLength: 50, pattern: "^[A-Za-z ]+$")),
                Field(name: "kind", type: .string, constant: .string("pet")),
                Field(name: "tag", doc: "A free tag.", type: .string, required: false, nullable: true),
                Field(name: "status", type: .named("PetStatus"), required: false),
                Field(name: "born", type: .dateTime, required: false),
                Field(name: "chip", type: .uuid, required: false),
                Field(
                    name: "weight", type: .number, required: false, constraints: Constraints(minimum: 0, maximum: 100)),
                Field(name: "age", type: .int32, required: false, constraints: Constraints(minimum: 1)),
                Field(
                    name: "tags", type: .array(.string), required: false,
                    constraints: Constraints(minItems: 1, items: Constraints(maxLength: 10))),
                Field(name: "scores", type: .map(.integer), required: false),
                Field(name: "extra", type: .json, required: false),
                Field(name: "level", type: .named("PetLevel"), required: false),
                Field(name: "limit", type: .integer, required: false, defaultValue: .integer(10)),
                Field(name: "shape", type: .string, required: false),
            ])
        #expect(
            definition.type(named: "PetLevel")?.kind
                == .enumeration(values: [1, 2, 3].map { EnumValue(integer: $0) }, keepUnknown: false))
        #expect(
            definition.type(named: "PetStatus")?.kind
                == .enumeration(
                    values: [
                        EnumValue(value: "available", swiftName: nil, doc: nil),
                        EnumValue(value: "sold", swiftName: nil, doc: nil),
                    ], keepUnknown: false))
        // allOf: Pet's fields, then the inline part's.
        let newPet = try #require(definition.type(named: "NewPet"))
        #expect(newPet.fields.dropLast() == pet.fields[...])
        // writeOnly is kept; on a secret's name it also makes the field sensitive.
        var secret = Field(name: "secret", type: .string, sensitive: true)
        secret.writeOnly = true
        #expect(newPet.fields.last == secret)
        #expect(field(definition, "Login", "password")?.sensitive == true)
        // oneOf: a mapping value for Cat, the schema name for Dog.
        #expect(
            definition.type(named: "Animal")?.kind
                == .oneOf(
                    variants: [
                        OneOfVariant(type: "Cat", discriminatorValue: "cat", swiftName: nil, doc: nil),
                        OneOfVariant(type: "Dog", discriminatorValue: "Dog", swiftName: nil, doc: nil),
                    ], discriminator: "petType"))
        // anyOf: a union that keeps every alternative the payload matches.
        #expect(
            definition.type(named: "CatOrDog")?.kind
                == .anyOf(variants: [AnyOfVariant(type: .named("Cat")), AnyOfVariant(type: .named("Dog"))]))
        #expect(field(definition, "PetOwner", "pets")?.type == .array(.named("Pet")))
    }

    @Test func openAPI30Operations() throws {
        let (definition, _) = try importing(Self.petStore)
        #expect(
            definition.operations.map { "\($0.method) \($0.path) \($0.name)" } == [
                "GET /pets listPets", "POST /pets createPet", "GET /pets/{petId} getPetsByPetID",
                "DELETE /pets/{petId} deletePet", "PUT /animals importOperation", "POST /login login",
                "POST /owners createOwner",
            ])
        let list = definition.operations[0]
        #expect(list.summary == "List pets")
        #expect(
            list.parameters == [
                Parameter(
                    name: "limit", location: .query, doc: "At most this many.", type: .integer, required: false,
                    defaultValue: .integer(20), constraints: Constraints(minimum: 1, maximum: 100)),
                Parameter(name: "status", location: .query, type: .named("ListPetsStatus"), required: false),
                // Cookie and array parameters import as they are.
                Parameter(name: "session", location: .cookie, type: .string, required: false),
                Parameter(name: "ids", location: .query, type: .array(.integer), required: false),
                Parameter(name: "X-Request-ID", location: .header, type: .uuid, required: false),
            ])
        #expect(
            list.responses == [
                Response(status: 200, doc: "The pets.", type: .array(.named("Pet")), contentTypes: [MediaTypes.json]),
                // `default` is kept, typed.
                Response(
                    status: .default, doc: "Unexpected.", type: .named("ErrorModel"), contentTypes: [MediaTypes.json]),
            ])
        let create = definition.operations[1]
        #expect(
            create.body
                == RequestBody(type: .named("NewPet"), contentTypes: [MediaTypes.json, MediaTypes.xml], doc: nil))
        #expect(
            create.responses == [
                Response(status: 201, doc: "Created.", type: .named("Pet"), contentTypes: [MediaTypes.json]),
                Response(status: 400, doc: "Bad request.", type: .named("ErrorModel"), contentTypes: [MediaTypes.json]),
            ])
        // OpenAPI's requestBody.required defaults to false: PUT /animals does not say it, so its body is optional.
        #expect(create.body?.required == true)
        #expect(
            definition.operations[4].body
                == RequestBody(type: .named("Animal"), contentTypes: [MediaTypes.json], doc: nil, required: false))
        let get = definition.operations[2]
        #expect(get.parameters == [Parameter(name: "petId", location: .path, type: .int64)])
        #expect(
            get.responses == [
                // The ETag header is typed (optional: OpenAPI's default).
                Response(
                    status: 200, doc: "The pet.", type: .named("Pet"), contentTypes: [MediaTypes.json],
                    headers: [Parameter(name: "ETag", location: .header, type: .string, required: false)]),
                // A status range is kept, in the document's order.
                Response(status: .range(2), doc: "Other success.", type: nil, contentTypes: []),
                Response(status: 404, doc: "No such pet.", type: nil, contentTypes: []),
            ])
        // `deprecated: true` without a message (`x-apigen-deprecation`): deprecated, with none.
        #expect(definition.operations[3].deprecated == "")
        #expect(definition.operations[3].doc == nil)
        #expect(definition.operations[4].body?.type == .named("Animal"))
        #expect(
            definition.operations[4].responses == [
                Response(status: 200, doc: "Stored.", type: nil, contentTypes: ["text/plain"])
            ])
        #expect(
            definition.operations[5].body
                == RequestBody(
                    type: .named("Login"), contentTypes: [MediaTypes.formURLEncoded, MediaTypes.multipart], doc: nil))
        #expect(definition.operations[5].responses.first?.type == .named("Login200Response"))
        // PetOwner nests Pet objects, which hold any JSON (`extra`): its JSON text travels in one form value.
        #expect(definition.operations[6].body?.contentTypes == [MediaTypes.json, MediaTypes.formURLEncoded])
    }

    @Test func openAPI30Warnings() throws {
        let (_, warnings) = try importing(Self.petStore)
        #expect(
            warnings == [
                "#/components/securitySchemes/mtls: mutualTLS security schemes are not supported; the scheme 'mtls' is dropped",
                "#/components/securitySchemes/digest: HTTP digest authentication is not supported (only basic and bearer); the scheme 'digest' is dropped",
                "#/paths/~1pets~1{petId}/trace: TRACE operations are not supported; dropped",
                "#/paths/~1pets~1{petId}/get: the operation has no operationId; it is named 'getPetsByPetID'",
                "#/paths/~1animals/put/operationId: the operation 'import' is named 'importOperation': 'import' is a Swift keyword",
                "#/components/schemas/Error: the schema 'Error' is named 'ErrorModel': 'Error' would shadow a type generated code uses",
                "#/components/schemas/pet-owner: the schema 'pet-owner' is named 'PetOwner': 'pet-owner' is not a Swift identifier",
                "#/components/schemas/Pet/properties/weight/exclusiveMaximum: 'exclusiveMaximum' cannot be expressed; the bound 100 is kept as inclusive",
                "#/components/schemas/Pet/properties/shape/not: 'not' cannot be expressed in a definition; ignored",
                "#/paths/~1pets/post/callbacks: callbacks are not supported; dropped",
                "#/paths/~1pets/post/requestBody/content/application~1xml: OpenAPI does not say how the API writes XML; the definition assumes the root element 'root' and list items 'item' (check service.xml)",
                "#/paths/~1pets~1{petId}/get/responses/200/links: links are not supported; dropped",
                "#/paths/~1pets~1{petId}/get/security/1/oauth: scopes or roles cannot be expressed (roles, or scopes no flow offers); only the scheme and its offered scopes are required",
                "#/paths/~1pets~1{petId}/get/security/2: this alternative uses 'mtls', which is not supported; the alternative is dropped",
                "#/paths/~1login/post/security: an empty security requirement makes auth optional, which cannot be expressed; the operation needs no auth",
            ])
    }

    // MARK: OpenAPI 3.1

    static let shapes = #"""
        {
          "openapi": "3.1.0",
          "info": { "title": "shapes", "version": "2" },
          "servers": [{ "url": "/api/" }, { "url": "https://staging.example.com/api" }],
          "webhooks": { "newShape": { "post": { "responses": { "200": { "description": "OK" } } } } },
          "paths": {
            "/shapes": {
              "post": {
                "operationId": "add_shape",
                "parameters": [
                  { "name": "dry-run", "in": "query", "schema": { "type": "boolean", "default": false } },
                  { "name": "dry_run", "in": "header", "schema": { "type": "boolean" } },
                  { "name": "body", "in": "query", "schema": { "type": "string" } },
                  {
                    "name": "filter",
                    "in": "query",
                    "schema": { "type": "object", "properties": { "a": { "type": "string" } } }
                  },
                  { "name": "Authorization", "in": "header", "schema": { "type": "string" } }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "required": ["shape"],
                        "properties": {
                          "shape": { "$ref": "#/components/schemas/Shape" },
                          "note": { "type": ["string", "null"] }
                        }
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "OK",
                    "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Shape" } } }
                  },
                  "202": {
                    "description": "Accepted",
                    "content": {
                      "application/json": {
                        "schema": { "type": "object", "additionalProperties": { "type": "string" } }
                      }
                    }
                  }
                }
              }
            },
            "/nodes/{id}": {
              "get": {
                "operationId": "getNode",
                "responses": {
                  "200": {
                    "description": "OK",
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Node" } } }
                  }
                }
              }
            }
          },
          "components": {
            "schemas": {
              "Circle": {
                "type": "object",
                "required": ["type", "radius"],
                "properties": {
                  "type": { "type": "string" },
                  "radius": { "type": "number", "exclusiveMinimum": 0 },
                  "label": { "type": ["string", "null"], "maxLength": 20 },
                  "center": { "anyOf": [{ "$ref": "#/components/schemas/Point" }, { "type": "null" }] }
                },
                "xml": { "name": "circle" }
              },
              "Square": {
                "type": "object",
                "required": ["type", "side"],
                "properties": {
                  "type": { "type": "string", "const": "Square" },
                  "side": { "type": "integer", "exclusiveMinimum": 0, "exclusiveMaximum": 1000 },
                  "corner": { "$ref": "#/components/schemas/Point", "description": "The top left corner." }
                }
              },
              "Point": {
                "type": "object",
                "required": ["x", "y", "unit"],
                "properties": {
                  "x": { "type": "number" },
                  "y": { "type": "number" },
                  "unit": { "const": "px" },
                  "color": { "enum": ["red", "green", null] }
                }
              },
              "Shape": {
                "description": "A shape.",
                "oneOf": [{ "$ref": "#/components/schemas/Circle" }, { "$ref": "#/components/schemas/Square" }],
                "discriminator": { "propertyName": "type" }
              },
              "Tagged": {
                "oneOf": [{ "$ref": "#/components/schemas/Circle" }, { "$ref": "#/components/schemas/Point" }],
                "discriminator": { "propertyName": "type", "mapping": { "c": "Circle", "p": "Point" } }
              },
              "Size": {
                "oneOf": [{ "const": "small", "description": "Small." }, { "const": "large", "description": "Large." }]
              },
              "Node": {
                "type": "object",
                "required": ["name"],
                "properties": {
                  "name": { "type": "string" },
                  "children": { "type": "array", "items": { "$ref": "#/components/schemas/Node" } },
                  "parent": { "$ref": "#/components/schemas/Node" },
                  "size": { "$ref": "#/components/schemas/Size" },
                  "meta": {
                    "type": "object",
                    "additionalProperties": { "type": "array", "items": { "type": "string" } }
                  },
                  "any": {},
                  "mixed": { "type": ["string", "integer"] },
                  "matrix": { "type": "array", "items": { "type": "array", "items": { "type": "number" } } },
                  "dates": { "type": "array", "items": { "type": "string", "format": "date-time" } },
                  "ratio": { "type": "number", "enum": [0.5, 1.5] },
                  "id": { "type": "string", "readOnly": true },
                  "style": { "$ref": "styles.json#/Style" }
                },
                "patternProperties": { "^x-": { "type": "string" } }
              }
            }
          }
        }
        """#

    @Test func openAPI31Schemas() throws {
        let (definition, _) = try importing(Self.shapes)
        #expect(definition.service.name == "Shapes")
        #expect(definition.service.baseURL == "https://example.com/api")
        #expect(
            definition.types.map(\.name) == [
                "Circle", "Square", "Point", "PointColor", "Shape", "Tagged", "Size", "Node", "NodeRatio", "AddShapeBody",
            ])
        // `type: [T, "null"]` and `anyOf: [T, {type: null}]` are nullable; numeric exclusive bounds.
        #expect(
            definition.type(named: "Circle")?.fields == [
                Field(name: "type", type: .string),
                Field(name: "radius", type: .number, constraints: Constraints(minimum: 0)),
                Field(
                    name: "label", type: .string, required: false, nullable: true,
                    constraints: Constraints(maxLength: 20)),
                Field(name: "center", type: .named("Point"), required: false, nullable: true),
            ])
        #expect(
            definition.type(named: "Square")?.fields == [
                Field(name: "type", type: .string, constant: .string("Square")),
                Field(name: "side", type: .integer, constraints: Constraints(minimum: 1, maximum: 999)),
                Field(name: "corner", doc: "The top left corner.", type: .named("Point"), required: false),
            ])
        #expect(field(definition, "Point", "unit") == Field(name: "unit", type: .string, constant: .string("px")))
        #expect(field(definition, "Point", "color")?.type == .named("PointColor"))
        #expect(field(definition, "Point", "color")?.nullable == true)
        // Without a mapping, the schema name is the discriminator value.
        #expect(
            definition.type(named: "Shape")?.kind
                == .oneOf(
                    variants: [
                        OneOfVariant(type: "Circle", discriminatorValue: "Circle", swiftName: nil, doc: nil),
                        OneOfVariant(type: "Square", discriminatorValue: "Square", swiftName: nil, doc: nil),
                    ], discriminator: "type"))
        // Point has no `type` field, so Tagged keeps no discriminator.
        #expect(
            definition.type(named: "Tagged")?.kind
                == .oneOf(
                    variants: [
                        OneOfVariant(type: "Circle", discriminatorValue: nil, swiftName: nil, doc: nil),
                        OneOfVariant(type: "Point", discriminatorValue: nil, swiftName: nil, doc: nil),
                    ], discriminator: nil))
        #expect(
            definition.type(named: "Size")?.kind
                == .enumeration(
                    values: [
                        EnumValue(value: "small", swiftName: nil, doc: "Small."),
                        EnumValue(value: "large", swiftName: nil, doc: "Large."),
                    ], keepUnknown: false))
        #expect(
            definition.type(named: "Node")?.fields.map { "\($0.name): \($0.type)" } == [
                "name: string", "children: [Node]", "parent: Node", "size: Size", "meta: {[string]}", "any: json",
                "mixed: json", "matrix: [[number]]", "dates: [date-time]", "ratio: NodeRatio", "id: string", "style: json",
            ])
        #expect(
            definition.type(named: "NodeRatio")?.kind
                == .enumeration(values: [0.5, 1.5].map { EnumValue(number: $0) }, keepUnknown: false))
        let add = definition.operations[0]
        #expect(add.name == "add_shape")
        #expect(
            add.parameters == [
                Parameter(
                    name: "dry-run", location: .query, type: .boolean, required: false, defaultValue: .boolean(false)),
                Parameter(
                    name: "dry_run", location: .header, swiftName: "headerDryRun", type: .boolean, required: false),
                Parameter(name: "body", location: .query, swiftName: "queryBody", type: .string, required: false),
            ])
        #expect(add.body == RequestBody(type: .named("AddShapeBody"), contentTypes: [MediaTypes.json], doc: nil))
        #expect(
            add.responses == [
                Response(status: 200, doc: "OK", type: .named("Shape"), contentTypes: [MediaTypes.json]),
                Response(status: 202, doc: "Accepted", type: .map(.string), contentTypes: [MediaTypes.json]),
            ])
        #expect(definition.operations[1].parameters == [Parameter(name: "id", location: .path, type: .string)])
    }

    @Test func openAPI31Warnings() throws {
        let (_, warnings) = try importing(Self.shapes)
        #expect(
            warnings == [
                "#/servers: only the first of 2 servers is used",
                "#/servers/0/url: the server URL '/api/' is relative; the base URL is https://example.com/api (set service.baseURL)",
                "#/webhooks: webhooks are not supported; dropped",
                "#/components/schemas/Circle/xml: 'xml' (element names, attributes, wrapping) cannot be expressed; the service's XML dialect applies",
                "#/components/schemas/Circle/properties/radius/exclusiveMinimum: 'exclusiveMinimum' cannot be expressed; the bound 0 is kept as inclusive",
                "#/components/schemas/Node/patternProperties: 'patternProperties' cannot be expressed in a definition; ignored",
                "#/components/schemas/Node/properties/mixed/type: a value of several types (string, integer) is typed as any JSON",
                "#/components/schemas/Node/properties/style: the external reference 'styles.json#/Style' is not followed; typed as any JSON",
                "#/paths/~1shapes/post/parameters/3: object parameters are not supported outside the style deepObject; 'filter' is dropped",
                "#/paths/~1shapes/post/parameters/4: OpenAPI ignores header parameters named Accept, Content-Type and Authorization; 'Authorization' is dropped",
                "#/paths/~1shapes/post/parameters/1: the parameter 'dry_run' is 'headerDryRun' in Swift: another parameter or the body has the same Swift name",
                "#/paths/~1shapes/post/parameters/2: the parameter 'body' is 'queryBody' in Swift: it clashes with the request body",
                "#/paths/~1shapes/post/responses/200/content/application~1problem+json: 'application/problem+json' is read and written as application/json",
                "#/paths/~1nodes~1{id}/get: the path uses '{id}' but declares no such path parameter; it is added as a string",
                "#/components/schemas/Tagged/discriminator: the discriminator 'type' is dropped because 'Point' has no field 'type'; the alternatives are told apart by their required fields and constants",
            ])
    }

    // MARK: Recursion

    static let recursive = #"""
        {
          "openapi": "3.0.3",
          "info": { "title": "Trees" },
          "servers": [{ "url": "https://example.com/trees" }],
          "paths": {},
          "components": {
            "schemas": {
              "Tree": {
                "type": "object",
                "required": ["name", "root"],
                "properties": {
                  "name": { "type": "string" },
                  "root": { "$ref": "#/components/schemas/Branch" },
                  "parent": { "$ref": "#/components/schemas/Tree" },
                  "description": { "type": "string" }
                }
              },
              "Branch": {
                "type": "object",
                "required": ["tree"],
                "properties": { "tree": { "$ref": "#/components/schemas/Tree" } }
              },
              "Loop": {
                "type": "object",
                "required": ["next"],
                "properties": { "next": { "$ref": "#/components/schemas/Loop" } }
              }
            }
          }
        }
        """#

    @Test func recursiveSchemasBecomeRecursiveTypes() throws {
        let (definition, warnings) = try importing(Self.recursive)
        #expect(
            definition.type(named: "Tree")?.fields.map { "\($0.name): \($0.type) \($0.required)" } == [
                "name: string true", "root: Branch true", "parent: Tree false", "description: string false",
            ])
        #expect(definition.type(named: "Tree")?.fields.last?.swiftName == "descriptionValue")
        // Tree and Branch require each other: no finite value, so one of the two is made optional.
        #expect(definition.type(named: "Branch")?.fields.map(\.required) == [false])
        #expect(definition.type(named: "Loop")?.fields.map(\.required) == [false])
        #expect(
            warnings == [
                "#/components/schemas/Branch/properties/tree: 'Branch.tree' makes Tree → Branch → Tree contain itself without end (every field on the way is required); the field is made optional",
                "#/components/schemas/Loop/properties/next: 'Loop.next' makes Loop → Loop contain itself without end (every field on the way is required); the field is made optional",
                "#/components/schemas/Tree/properties/description: the field 'description' is 'descriptionValue' in Swift: it clashes with the description code generated for recursive types",
            ])
        #expect(
            Recursion(definition).indirectFields == ["Tree": ["root", "parent"], "Branch": ["tree"], "Loop": ["next"]])
    }

    // MARK: Names

    static let names = #"""
        {
          "openapi": "3.1.0",
          "info": { "title": "class" },
          "paths": {
            "/a": {
              "get": {
                "operationId": "get-thing",
                "responses": {
                  "200": {
                    "description": "OK",
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/string" } } }
                  }
                }
              }
            },
            "/b": {
              "post": {
                "operationId": "getThing",
                "requestBody": {
                  "required": true,
                  "content": { "application/json": { "schema": { "$ref": "#/components/schemas/GetThingInput" } } }
                },
                "responses": {
                  "200": {
                    "description": "OK",
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Status" } } }
                  }
                }
              }
            }
          },
          "components": {
            "schemas": {
              "string": {
                "type": "object",
                "required": ["user_id"],
                "properties": {
                  "user_id": { "type": "string" },
                  "userId": { "type": "string" },
                  "description": { "type": "string" },
                  "password": { "type": "string", "format": "password" }
                }
              },
              "Status": { "type": "string", "enum": ["in-progress", "in_progress", "+"] },
              "GetThingInput": {
                "type": "object",
                "properties": { "status": { "$ref": "#/components/schemas/Status" } }
              }
            }
          }
        }
        """#

    @Test func namesThatWouldNotCompileAreRenamedWithAWarning() throws {
        let (definition, warnings) = try importing(Self.names)
        #expect(definition.service.name == "ClassAPI")
        #expect(definition.types.map(\.name) == ["StringModel", "Status", "GetThingInputModel"])
        #expect(definition.operations.map(\.name) == ["get-thing", "getThing2"])
        #expect(
            definition.type(named: "StringModel")?.fields.map(\.swiftName) == [nil, "userID2", "descriptionValue", nil])
        #expect(
            definition.type(named: "Status")?.kind
                == .enumeration(
                    values: [
                        EnumValue(value: "in-progress", swiftName: nil, doc: nil),
                        EnumValue(value: "in_progress", swiftName: "inProgress2", doc: nil),
                        EnumValue(value: "+", swiftName: "value3", doc: nil),
                    ], keepUnknown: false))
        #expect(
            warnings == [
                "#/paths/~1b/post/operationId: the operation 'getThing' is named 'getThing2': another operation has the same Swift name",
                "#/components/schemas/string: the schema 'string' is named 'StringModel': 'string' is a primitive type name",
                "#/components/schemas/GetThingInput: the schema 'GetThingInput' is named 'GetThingInputModel': 'GetThingInput' is a name apigen generates",
                "#/components/schemas/string/properties/userId: the field 'userId' is 'userID2' in Swift: another field of 'StringModel' has the same Swift name",
                "#/components/schemas/string/properties/description: the field 'description' is 'descriptionValue' in Swift: it clashes with the redaction code generated for sensitive fields",
                "#/components/schemas/Status/enum/1: the enum value 'in_progress' is the Swift case 'inProgress2': another value has the same Swift case name",
                "#/components/schemas/Status/enum/2: the enum value '+' is the Swift case 'value3': it has no letters or digits",
            ])
    }

    // MARK: Errors

    @Test func documentsThatAreNotOpenAPI3AreErrors() throws {
        func failure(_ text: String) -> OpenAPIImporter.ImportError? {
            #expect(throws: OpenAPIImporter.ImportError.self) {
                try OpenAPIImporter.convert(Data(text.utf8), file: "openapi.json")
            }
        }
        let swagger = failure(#"{"swagger": "2.0", "info": {"title": "Old"}, "paths": {}}"#)
        #expect(swagger?.pointer == "#/swagger")
        #expect(swagger?.message == "Swagger 2.0 documents are not supported; convert the document to OpenAPI 3 first")
        let future = failure(#"{"openapi": "4.0.0", "info": {"title": "New"}, "paths": {}}"#)
        #expect(future?.description == "#/openapi: OpenAPI 4.0.0 is not supported; expected 3.0.x, 3.1.x or 3.2.x")
        #expect(failure("{").map { $0.message.hasPrefix("not valid JSON") } == true)
        let dangling = failure(
            #"""
            {
              "openapi": "3.0.3", "info": { "title": "T" }, "servers": [{ "url": "https://example.com" }],
              "paths": {
                "/a": {
                  "get": {
                    "operationId": "a",
                    "responses": {
                      "200": {
                        "description": "OK",
                        "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Missing" } } }
                      }
                    }
                  }
                }
              }
            }
            """#)
        #expect(
            dangling?.description
                == "#/paths/~1a/get/responses/200/content/application~1json/schema: the reference '#/components/schemas/Missing' does not resolve"
        )
    }

    // MARK: Round trips and scale

    /// What the exporter writes, the importer reads back as the same definition, without warnings.
    @Test(arguments: [
        "Definitions/sfox.json", "Definitions/teamup.json", "Definitions/smsend.json", "Definitions/authendpoints.json",
        "Definitions/loginevents.json",
        "Tests/Fixtures/Definitions/awkward.json",
    ])
    func exportedDefinitionsImportUnchanged(_ path: String) throws {
        var original = try DefinitionLoader.load(path: TestSupport.path(path))
        let (definition, warnings) = try importing(OpenAPIExporter.text(original))
        original.file = definition.file
        #expect(definition == original)
        #expect(warnings.isEmpty)
    }

    static let manifest = """
        // swift-tools-version: 6.0
        import PackageDescription

        let package = Package(
            name: "Synthetic",
            platforms: [.macOS(.v13)],
            dependencies: [.package(path: "../apigen")],
            targets: [
                .target(
                    name: "SyntheticAPI", dependencies: [.product(name: "APIRuntime", package: "apigen")],
                    path: "Generated", swiftSettings: [.unsafeFlags(["-warnings-as-errors"])])
            ],
            swiftLanguageModes: [.v6]
        )

        """

    /// The synthetic document generator is deterministic: the same seed gives the same bytes, another
    /// seed another document.
    @Test func syntheticDocumentsAreDeterministic() {
        let one = SyntheticOpenAPI.document(operations: 30, schemas: 60, seed: 7)
        #expect(one == SyntheticOpenAPI.document(operations: 30, schemas: 60, seed: 7))
        #expect(one != SyntheticOpenAPI.document(operations: 30, schemas: 60, seed: 8))
        #expect(one.hasPrefix("{\n  \"openapi\": \"3.0.3\""))
    }

    /// The benchmark's synthetic document (`SyntheticOpenAPI`, which `Benchmarks/bench.py` uses
    /// too): imported, checked, generated (in parts) and compiled.
    @Test(.timeLimit(.minutes(15)))
    func syntheticDocumentGeneratesCodeThatCompiles() async throws {
        let text = SyntheticOpenAPI.document(operations: 20, schemas: 40, seed: 42)
        let (definition, warnings) = try importing(text)
        #expect(definition.operations.count == 20)
        // Every component schema and the Error schema become types, and so do inline bodies.
        #expect(definition.types.count >= 41)
        #expect(definition.types.contains { $0.name == "Model0039" })
        // What a definition approximates: anyOf, integer enums, a property name
        // declared differently in related schemas, the schema named 'Error'.
        let approximations = [
            "integer enums cannot be expressed",
            "is declared differently", "is named 'ErrorModel'",
        ]
        #expect(!warnings.isEmpty)
        #expect(
            warnings.allSatisfy { warning in approximations.contains { warning.contains($0) } },
            "\(warnings.joined(separator: "\n"))")

        // The shared scratch package: APIRuntime is built once for every compile test.
        try await ScratchPackage.withPackage(root: TestSupport.packageRoot) { package in
            let files = FileManager.default
            try files.createDirectory(atPath: package + "/Generated", withIntermediateDirectories: true)
            try Self.manifest.write(toFile: package + "/Package.swift", atomically: true, encoding: .utf8)
            // Small parts, so that the split files (client extensions, `registerPart<n>`) compile too.
            let emitted = Generator.generate(definition, parts: FileParts(typesPerFile: 20, operationsPerFile: 8))
            let thirdParts = emitted.map { ($0.path as NSString).lastPathComponent }.filter { $0.hasSuffix("+3.swift") }
            #expect(Set(thirdParts).isSuperset(of: ["Models+3.swift", "Client+3.swift", "Server+3.swift"]))
            for file in emitted {
                let name = (file.path as NSString).lastPathComponent
                try file.contents.write(toFile: package + "/Generated/" + name, atomically: true, encoding: .utf8)
            }
            let build = try ScratchPackage.run(["swift", "build", "--package-path", package], in: package)
            #expect(build.status == 0, "\(build.output.suffix(6000))")
        }
    }
}
