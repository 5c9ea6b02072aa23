import { ImageResponse } from "next/og";

export const size = { width: 180, height: 180 };
export const contentType = "image/png";

/** The home-screen icon: the favicon's two opposite arrows (an exchange), drawn without text so no font is needed. */
export default function AppleIcon() {
  return new ImageResponse(
    <div style={{ width: "100%", height: "100%", display: "flex", background: "#14213d" }}>
      <svg width="180" height="180" viewBox="0 0 64 64">
        <path
          d="M14 24h24l-6-6M50 40H26l6 6"
          fill="none"
          stroke="#fff"
          strokeWidth="5"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
    </div>,
    size,
  );
}
