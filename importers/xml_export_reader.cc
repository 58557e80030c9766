#include "importers/xml_export_reader.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <xercesc/framework/MemBufInputSource.hpp>
#include <xercesc/framework/XMLGrammarPoolImpl.hpp>
#include <xercesc/internal/XMLScanner.hpp>
#include <xercesc/sax/InputSource.hpp>
#include <xercesc/sax/Locator.hpp>
#include <xercesc/sax/SAXParseException.hpp>
#include <xercesc/sax2/Attributes.hpp>
#include <xercesc/sax2/DefaultHandler.hpp>
#include <xercesc/sax2/SAX2XMLReader.hpp>
#include <xercesc/sax2/XMLReaderFactory.hpp>
#include <xercesc/util/BinInputStream.hpp>
#include <xercesc/util/PlatformUtils.hpp>
#include <xercesc/util/SecurityManager.hpp>
#include <xercesc/util/TransService.hpp>
#include <xercesc/util/XMLString.hpp>
#include <xercesc/util/XMLUni.hpp>
#include <xercesc/validators/common/Grammar.hpp>

#include "importers/xml_value_limit.h"

namespace clusterpilot {

extern const char kHonosExportSchemaText[];

namespace {

namespace x = XERCES_CPP_NAMESPACE;

// Far above anything a valid export needs (it needs none) and far below a bomb.
constexpr XMLSize_t kEntityExpansionLimit = 100;

// Thrown from inside Xerces callbacks to end a parse; caught in Read().
struct ParseStopped {};

// UTF-16 from Xerces to UTF-8: plain ASCII (nearly every value) directly,
// anything else through Xerces' own transcoder.
void AppendUtf8(const XMLCh* text, std::string* out) {
  size_t length = 0;
  bool ascii = true;
  for (; text[length] != 0; ++length) ascii = ascii && text[length] < 0x80;
  if (ascii) {
    out->resize(length);
    for (size_t i = 0; i < length; ++i) (*out)[i] = static_cast<char>(text[i]);
    return;
  }
  x::TranscodeToStr utf8(text, "UTF-8");
  out->assign(reinterpret_cast<const char*>(utf8.str()), utf8.length());
}

std::string Utf8(const XMLCh* text) {
  std::string out;
  if (text != nullptr) AppendUtf8(text, &out);
  return out;
}

bool Equals(const XMLCh* text, const char* ascii) {
  for (; *ascii != 0; ++text, ++ascii) {
    if (*text != static_cast<XMLCh>(*ascii)) return false;
  }
  return *text == 0;
}

// The field an attribute holds, or -1: decided on length and first letters,
// then confirmed, because this runs 26 times per measurement.
int FieldOfAttribute(const XMLCh* name) {
  const size_t length = x::XMLString::stringLen(name);
  if (length == 4 && name[0] == 'h' && name[1] == 'v' && name[2] >= '0' && name[2] <= '1' &&
      name[3] >= '0' && name[3] <= '9') {
    const int number = (name[2] - '0') * 10 + (name[3] - '0');
    return number >= 1 && number <= kItemCount ? ItemField(number - 1) : -1;
  }
  struct Named {
    const char* name;
    ExportField field;
  };
  static constexpr Named kNamed[] = {
      {"patient", kPatientField},
      {"department", kDepartmentField},
      {"date", kDateField},
      {"clinician", kClinicianField},
      {"supercluster", kSuperclusterField},
      {"route", kRouteField},
      {"hv08-type", kHv08TypeField},
      {"coordinating-department", kCoordinatingDepartmentField},
      {"organisation", kOrganisationField},
  };
  for (const Named& named : kNamed) {
    if (std::strlen(named.name) == length && Equals(name, named.name)) return named.field;
  }
  return -1;
}

// The file's bytes as Xerces asks for them, each block shown to the value
// limit first: a value over it ends the parse before Xerces buffers it.
class LimitedFileStream : public x::BinInputStream {
 public:
  LimitedFileStream(std::FILE* file, XmlValueLimit* limit, std::optional<Error>* error)
      : file_(file), limit_(limit), error_(error) {}

  XMLFilePos curPos() const override { return position_; }
  const XMLCh* getContentType() const override { return nullptr; }

  XMLSize_t readBytes(XMLByte* const to_fill, const XMLSize_t max_to_read) override {
    const size_t read = std::fread(to_fill, 1, max_to_read, file_);
    position_ += read;
    if (read == 0 && std::ferror(file_)) {
      Error error;
      error.message = std::string("read error: ") + std::strerror(errno);
      *error_ = error;
      throw ParseStopped();
    }
    *error_ = limit_->Scan(std::string_view(reinterpret_cast<const char*>(to_fill), read));
    if (*error_) throw ParseStopped();
    return read;
  }

 private:
  std::FILE* file_;
  XmlValueLimit* limit_;
  std::optional<Error>* error_;
  XMLFilePos position_ = 0;
};

class LimitedFileSource : public x::InputSource {
 public:
  LimitedFileSource(std::FILE* file, XmlValueLimit* limit, std::optional<Error>* error)
      : file_(file), limit_(limit), error_(error) {}
  x::BinInputStream* makeStream() const override {
    return new LimitedFileStream(file_, limit_, error_);
  }

 private:
  std::FILE* file_;
  XmlValueLimit* limit_;
  std::optional<Error>* error_;
};

}  // namespace

// The SAX2 handlers: turn <measurement> elements into RawMeasurements and
// every error into our Error.
class ExportHandler : public x::DefaultHandler {
 public:
  void Start(const std::string& display_name,
             const XmlExportReader::MeasurementCallback* callback) {
    display_name_ = display_name;
    callback_ = callback;
    error_.reset();
  }

  const std::optional<Error>& error() const { return error_; }

  void setDocumentLocator(const x::Locator* const locator) override { locator_ = locator; }

  void startElement(const XMLCh* const, const XMLCh* const local_name, const XMLCh* const,
                    const x::Attributes& attributes) override {
    if (error_) {
      NameOffendingAttribute(attributes);
      throw ParseStopped();
    }
    if (!Equals(local_name, "measurement")) return;
    row_.Clear();
    row_.line = static_cast<int>(locator_->getLineNumber());
    for (XMLSize_t i = 0; i < attributes.getLength(); ++i) {
      const int field = FieldOfAttribute(attributes.getLocalName(i));
      if (field >= 0) AppendUtf8(attributes.getValue(i), &row_.values[field]);
    }
    if (!(*callback_)(row_)) throw ParseStopped();
  }

  // A schema error is reported while Xerces scans a start tag; it goes on to
  // the next event, where the parse stops.
  void endElement(const XMLCh* const, const XMLCh* const, const XMLCh* const) override {
    StopIfFailed();
  }
  void characters(const XMLCh* const, const XMLSize_t) override { StopIfFailed(); }
  void endDocument() override { StopIfFailed(); }

  // A DOCTYPE is where XXE and entity bombs live; no export needs one.
  void startDTD(const XMLCh* const, const XMLCh* const, const XMLCh* const) override {
    Record(static_cast<int>(locator_->getLineNumber()),
           static_cast<int>(locator_->getColumnNumber()),
           "contains a DOCTYPE declaration; exports with DTDs or entity declarations are refused "
           "(they can read other files or exhaust memory)");
    throw ParseStopped();
  }

  void error(const x::SAXParseException& e) override {
    if (!error_) Record(e, "does not follow the HoNOS+ export schema: ");
  }
  void fatalError(const x::SAXParseException& e) override {
    if (!error_) Record(e, "is not well-formed XML: ");
    throw ParseStopped();
  }
  void warning(const x::SAXParseException&) override {}

 private:
  void StopIfFailed() {
    if (error_) throw ParseStopped();
  }

  // Xerces quotes the bad value ("value '5' not in enumeration") but not the
  // attribute; the attribute holding that value is the one to name.
  void NameOffendingAttribute(const x::Attributes& attributes) {
    const std::string& message = error_->message;
    const size_t open = message.find('\'');
    const size_t close = open == std::string::npos ? open : message.find('\'', open + 1);
    if (close == std::string::npos) return;
    const std::string value = message.substr(open + 1, close - open - 1);
    for (XMLSize_t i = 0; i < attributes.getLength(); ++i) {
      if (Utf8(attributes.getValue(i)) != value) continue;
      error_->field = "attribute \"" + Utf8(attributes.getLocalName(i)) + "\"";
      error_->value = value;
      return;
    }
  }

  void Record(const x::SAXParseException& e, const std::string& what) {
    std::string message = Utf8(e.getMessage());
    while (!message.empty() && (message.back() == ' ' || message.back() == '.')) message.pop_back();
    Record(static_cast<int>(e.getLineNumber()), static_cast<int>(e.getColumnNumber()),
           what + message);
  }

  void Record(int line, int column, std::string message) {
    Error error;
    error.file = display_name_;
    error.line = line;
    error.column = column;
    error.message = std::move(message);
    error_ = std::move(error);
  }

  std::string display_name_;
  const XmlExportReader::MeasurementCallback* callback_ = nullptr;
  const x::Locator* locator_ = nullptr;
  RawMeasurement row_;
  std::optional<Error> error_;
};

// Xerces counts Initialize/Terminate pairs, so every reader may hold one.
struct XercesSession {
  XercesSession() { x::XMLPlatformUtils::Initialize(); }
  ~XercesSession() { x::XMLPlatformUtils::Terminate(); }
};

// Members are destroyed in reverse: the reader before the pool it draws its
// grammar from, both before Xerces itself shuts down.
struct XmlExportReader::Parts {
  XercesSession session;
  std::unique_ptr<x::XMLGrammarPool> pool;
  std::unique_ptr<x::SAX2XMLReader> reader;
  x::SecurityManager security;
  ExportHandler handler;
};

Result<std::unique_ptr<XmlExportReader>> XmlExportReader::Create() {
  auto parts = std::make_unique<Parts>();
  try {
    parts->pool = std::make_unique<x::XMLGrammarPoolImpl>(x::XMLPlatformUtils::fgMemoryManager);
    parts->reader.reset(x::XMLReaderFactory::createXMLReader(x::XMLPlatformUtils::fgMemoryManager,
                                                             parts->pool.get()));
    x::SAX2XMLReader& reader = *parts->reader;
    reader.setFeature(x::XMLUni::fgSAX2CoreNameSpaces, true);
    reader.setFeature(x::XMLUni::fgXercesSchema, true);
    reader.setFeature(x::XMLUni::fgSAX2CoreValidation, true);
    reader.setFeature(x::XMLUni::fgXercesDynamic, false);
    reader.setFeature(x::XMLUni::fgXercesSchemaFullChecking, false);
    reader.setFeature(x::XMLUni::fgXercesLoadExternalDTD, false);
    reader.setContentHandler(&parts->handler);
    reader.setLexicalHandler(&parts->handler);
    // Before loadGrammar, or a schema that fails to load fails silently.
    reader.setErrorHandler(&parts->handler);

    static const XMLCh kSchemaId[] = {'h', 'o', 'n', 'o', 's', 'p', 'l',
                                      'u', 's', '.', 'x', 's', 'd', 0};
    x::MemBufInputSource schema(reinterpret_cast<const XMLByte*>(kHonosExportSchemaText),
                                std::strlen(kHonosExportSchemaText), kSchemaId, false);
    const XmlExportReader::MeasurementCallback ignore;
    parts->handler.Start("schemas/honosplus-export.xsd", &ignore);
    x::Grammar* grammar = nullptr;
    try {
      grammar = reader.loadGrammar(schema, x::Grammar::SchemaGrammarType, true);
    } catch (const ParseStopped&) {
    }
    if (grammar == nullptr || parts->handler.error()) {
      return parts->handler.error() ? *parts->handler.error()
                                    : MakeError("the export schema did not load");
    }
    reader.setFeature(x::XMLUni::fgXercesUseCachedGrammarInParse, true);
    reader.setFeature(x::XMLUni::fgXercesLoadSchema, false);  // ignore xsi:schemaLocation
    // Only now: set before loadGrammar it stops the schema itself loading.
    reader.setFeature(x::XMLUni::fgXercesDisableDefaultEntityResolution, true);
    parts->security.setEntityExpansionLimit(kEntityExpansionLimit);
    reader.setProperty(x::XMLUni::fgXercesSecurityManager, &parts->security);
  } catch (const x::XMLException& e) {
    return MakeError("Xerces-C could not be set up: " + Utf8(e.getMessage()));
  }
  return std::unique_ptr<XmlExportReader>(new XmlExportReader(std::move(parts)));
}

XmlExportReader::XmlExportReader(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) {}

XmlExportReader::~XmlExportReader() = default;

Status XmlExportReader::Read(const std::string& path, const std::string& display_name,
                             const MeasurementCallback& callback) {
  ExportHandler& handler = parts_->handler;
  handler.Start(display_name, &callback);
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    Error error;
    error.file = display_name;
    error.message = std::string("cannot be read: ") + std::strerror(errno);
    return error;
  }
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> closer(file, std::fclose);
  XmlValueLimit limit(display_name);
  std::optional<Error> stream_error;
  try {
    LimitedFileSource source(file, &limit, &stream_error);
    parts_->reader->parse(source);
  } catch (const ParseStopped&) {
  } catch (const x::XMLException& e) {
    Error error;
    error.file = display_name;
    error.message = "cannot be read: " + Utf8(e.getMessage());
    return error;
  } catch (const x::SAXException& e) {
    Error error;
    error.file = display_name;
    error.message = "cannot be read: " + Utf8(e.getMessage());
    return error;
  }
  // Xerces reads ahead: a schema error it met first is the one to report.
  if (handler.error() && (!stream_error || handler.error()->line <= stream_error->line)) {
    return *handler.error();
  }
  if (stream_error) {
    if (stream_error->file.empty()) stream_error->file = display_name;
    return *stream_error;
  }
  return Status::Ok();
}

const FieldLabels& XmlExportReader::Labels() {
  static const FieldLabels labels = [] {
    FieldLabels result;
    result.kind = "attribute";
    result.names[kPatientField] = "patient";
    result.names[kDepartmentField] = "department";
    result.names[kDateField] = "date";
    result.names[kClinicianField] = "clinician";
    result.names[kSuperclusterField] = "supercluster";
    result.names[kRouteField] = "route";
    result.names[kHv08TypeField] = "hv08-type";
    result.names[kCoordinatingDepartmentField] = "coordinating-department";
    result.names[kOrganisationField] = "organisation";
    for (int item = 0; item < kItemCount; ++item) {
      const int number = item + 1;
      result.names[ItemField(item)] = (number < 10 ? "hv0" : "hv") + std::to_string(number);
    }
    return result;
  }();
  return labels;
}

const char* HonosExportSchema() { return kHonosExportSchemaText; }

}  // namespace clusterpilot
