#include "tests/reports/png_image.h"

#include <zlib.h>

#include <cstdlib>
#include <set>

namespace clusterpilot {
namespace {

uint32_t BigEndian(const std::string& bytes, size_t at) {
  return (static_cast<uint32_t>(static_cast<uint8_t>(bytes[at])) << 24) |
         (static_cast<uint32_t>(static_cast<uint8_t>(bytes[at + 1])) << 16) |
         (static_cast<uint32_t>(static_cast<uint8_t>(bytes[at + 2])) << 8) |
         static_cast<uint32_t>(static_cast<uint8_t>(bytes[at + 3]));
}

uint8_t Paeth(int a, int b, int c) {
  const int p = a + b - c;
  const int pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
  if (pa <= pb && pa <= pc) return static_cast<uint8_t>(a);
  return static_cast<uint8_t>(pb <= pc ? b : c);
}

// Undoes the per-row filters in place; `data` holds filter byte + row.
bool Unfilter(std::vector<uint8_t>* data, int height, size_t stride, int bpp) {
  std::vector<uint8_t> previous(stride, 0);
  for (int y = 0; y < height; ++y) {
    uint8_t* row = data->data() + y * (stride + 1);
    const uint8_t filter = row[0];
    uint8_t* pixels = row + 1;
    for (size_t x = 0; x < stride; ++x) {
      const int left = x >= static_cast<size_t>(bpp) ? pixels[x - bpp] : 0;
      const int up = previous[x];
      const int up_left = x >= static_cast<size_t>(bpp) ? previous[x - bpp] : 0;
      switch (filter) {
        case 0:
          break;
        case 1:
          pixels[x] = static_cast<uint8_t>(pixels[x] + left);
          break;
        case 2:
          pixels[x] = static_cast<uint8_t>(pixels[x] + up);
          break;
        case 3:
          pixels[x] = static_cast<uint8_t>(pixels[x] + (left + up) / 2);
          break;
        case 4:
          pixels[x] = static_cast<uint8_t>(pixels[x] + Paeth(left, up, up_left));
          break;
        default:
          return false;
      }
    }
    previous.assign(pixels, pixels + stride);
  }
  return true;
}

}  // namespace

bool DecodePng(const std::string& bytes, PngImage* image, std::string* problem) {
  if (bytes.size() < 8 || bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) {
    *problem = "not a PNG file";
    return false;
  }
  int colour_type = -1;
  std::string compressed;
  for (size_t at = 8; at + 8 <= bytes.size();) {
    const uint32_t length = BigEndian(bytes, at);
    const std::string type = bytes.substr(at + 4, 4);
    if (at + 12 + length > bytes.size()) break;
    if (type == "IHDR") {
      image->width = static_cast<int>(BigEndian(bytes, at + 8));
      image->height = static_cast<int>(BigEndian(bytes, at + 12));
      colour_type = static_cast<uint8_t>(bytes[at + 17]);
      if (bytes[at + 16] != 8 || bytes[at + 20] != 0 || (colour_type != 2 && colour_type != 6)) {
        *problem = "only 8-bit RGB or RGBA without interlacing is supported";
        return false;
      }
    } else if (type == "IDAT") {
      compressed += bytes.substr(at + 8, length);
    }
    at += 12 + length;
  }
  const int bpp = colour_type == 6 ? 4 : 3;
  const size_t stride = static_cast<size_t>(image->width) * bpp;
  std::vector<uint8_t> raw((stride + 1) * image->height);
  uLongf raw_size = raw.size();
  if (image->width <= 0 || compressed.empty() ||
      uncompress(raw.data(), &raw_size, reinterpret_cast<const Bytef*>(compressed.data()),
                 compressed.size()) != Z_OK ||
      raw_size != raw.size() || !Unfilter(&raw, image->height, stride, bpp)) {
    *problem = "the image data cannot be decoded";
    return false;
  }
  image->rgb.clear();
  for (int y = 0; y < image->height; ++y) {
    const uint8_t* row = raw.data() + y * (stride + 1) + 1;
    for (int x = 0; x < image->width; ++x)
      image->rgb.insert(image->rgb.end(), row + x * bpp, row + x * bpp + 3);
  }
  return true;
}

double PngImage::InkShare() const {
  size_t ink = 0;
  for (size_t i = 0; i + 2 < rgb.size(); i += 3) {
    if (rgb[i] < 235 || rgb[i + 1] < 235 || rgb[i + 2] < 235) ++ink;
  }
  return rgb.empty() ? 0 : static_cast<double>(ink) / static_cast<double>(rgb.size() / 3);
}

int PngImage::DistinctColours() const {
  std::set<int> colours;
  for (size_t i = 0; i + 2 < rgb.size(); i += 3) {
    colours.insert(((rgb[i] >> 4) << 8) | ((rgb[i + 1] >> 4) << 4) | (rgb[i + 2] >> 4));
  }
  return static_cast<int>(colours.size());
}

}  // namespace clusterpilot
