#pragma once
// QR codes as SVG (libqrencode), for check-in and booking links shown on a screen or printed.
#include <string>

namespace tongxin::io {

// A square SVG of `text` at error-correction level M with a four-module quiet zone; scales to
// any size (viewBox in modules). Throws std::runtime_error if the text cannot be encoded.
std::string QrSvg(const std::string& text);

}  // namespace tongxin::io
