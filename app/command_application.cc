#include "app/command_application.h"

#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Util/Application.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include <fstream>
#include <iterator>
#include <ostream>

#include "app/setting_keys.h"
#include "store/audit_log_anchor.h"

namespace clusterpilot {
namespace {

constexpr const char* kOptionPrefix = "clusterpilot.option.";
constexpr const char* kDefaultSettingsFile = "clusterpilot.properties";

class CommandApplication : public Poco::Util::Application {
 public:
  CommandApplication(const Command& command, std::ostream& out, std::ostream& err)
      : command_(command), out_(out), err_(err) {
    setUnixOptions(true);
  }

 protected:
  void defineOptions(Poco::Util::OptionSet& options) override {
    options.addOption(Poco::Util::Option("help", "h", "show this help")
                          .callback(Poco::Util::OptionCallback<CommandApplication>(
                              this, &CommandApplication::ShowHelp)));
    options.addOption(
        Poco::Util::Option("config", "", "settings file (default: ./clusterpilot.properties)")
            .argument("FILE")
            .binding(std::string(kOptionPrefix) + "config"));
    for (const OptionSpec& spec : command_.options) {
      Poco::Util::Option option(spec.name, "", spec.description);
      if (spec.argument != nullptr) option.argument(spec.argument);
      option.binding(std::string(kOptionPrefix) + spec.name);
      if (spec.repeatable) {
        option.repeatable(true).callback(
            Poco::Util::OptionCallback<CommandApplication>(this, &CommandApplication::Collect));
      }
      options.addOption(option);
    }
  }

  int main(const ArgVec& arguments) override {
    if (help_shown_) return kExitSuccess;
    CommandContext context;
    context.command = command_.name;
    context.arguments = arguments;
    context.out = &out_;
    context.err = &err_;
    for (const OptionSpec& spec : command_.options) {
      const std::string key = std::string(kOptionPrefix) + spec.name;
      if (config().has(key)) context.options[spec.name] = config().getString(key);
    }
    context.repeated = repeated_;
    std::string settings_error;
    context.settings = LoadSettings(&settings_error);
    if (!settings_error.empty()) return context.Fail(settings_error, kExitUsage);
    const std::string by_problem = context.ByOptionProblem();
    if (!by_problem.empty()) return context.Fail(by_problem, kExitUsage);
    SetAuditAnchorFile(context.settings.GetString("audit.anchor_file", ""));
    return command_.handler(context);
  }

 private:
  void Collect(const std::string& name, const std::string& value) {
    repeated_[name].push_back(value);
  }

  void ShowHelp(const std::string&, const std::string&) {
    Poco::Util::HelpFormatter formatter(options());
    formatter.setUnixStyle(true);
    formatter.setCommand(std::string("clusterpilot ") + command_.name);
    formatter.setUsage(command_.synopsis);
    formatter.setHeader(command_.description);
    formatter.setFooter("Exit codes: 0 success, 1 input rejected, 2 usage error.");
    formatter.format(out_);
    help_shown_ = true;
    stopOptionsProcessing();
  }

  // The properties file as a flat map: --config FILE, else
  // ./clusterpilot.properties when it exists, else no settings.
  Settings LoadSettings(std::string* error) {
    const std::string key = std::string(kOptionPrefix) + "config";
    std::string path = config().getString(key, "");
    if (path.empty() && Poco::File(kDefaultSettingsFile).exists()) path = kDefaultSettingsFile;
    if (path.empty()) return Settings();
    try {
      Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> file(
          new Poco::Util::PropertyFileConfiguration(path));
      std::map<std::string, std::string> values;
      CollectKeys(*file, "", &values);
      // A misspelt key would otherwise leave its setting at the default, silently.
      std::ifstream text(path, std::ios::binary);
      const Status known =
          CheckSettingKeys(values, path, std::string(std::istreambuf_iterator<char>(text), {}));
      if (!known.ok()) *error = known.error().ToString();
      return Settings(std::move(values));
    } catch (const Poco::Exception& e) {
      *error = path + ": cannot read the settings file: " + e.displayText();
      return Settings();
    }
  }

  static void CollectKeys(const Poco::Util::AbstractConfiguration& config,
                          const std::string& prefix, std::map<std::string, std::string>* values) {
    Poco::Util::AbstractConfiguration::Keys keys;
    config.keys(prefix, keys);
    for (const std::string& key : keys) {
      const std::string full = prefix.empty() ? key : prefix + "." + key;
      if (config.hasProperty(full)) (*values)[full] = config.getRawString(full);
      CollectKeys(config, full, values);
    }
  }

  const Command& command_;
  std::ostream& out_;
  std::ostream& err_;
  bool help_shown_ = false;
  std::map<std::string, std::vector<std::string>> repeated_;
};

}  // namespace

int RunCommandApplication(const Command& command, int argc, char** argv, std::ostream& out,
                          std::ostream& err) {
  CommandApplication application(command, out, err);
  try {
    application.init(argc, argv);
  } catch (const Poco::Exception& e) {
    err << "clusterpilot " << command.name << ": " << e.displayText() << "\n"
        << "`clusterpilot " << command.name << " --help` lists the options\n";
    return kExitUsage;
  }
  return application.run();
}

}  // namespace clusterpilot
