// Line icons for the navigation, drawn inline so the shell needs no icon font or image requests.
import type { SVGProps } from 'react';

export type IconName =
  | 'home'
  | 'library'
  | 'sequences'
  | 'journeys'
  | 'operations'
  | 'help-desk'
  | 'support'
  | 'toolkit'
  | 'admin'
  | 'logo';

const paths: Readonly<Record<IconName, string>> = {
  home: 'M3 11l9-7 9 7M5 10v10h5v-6h4v6h5V10',
  library: 'M4 4h5v16H4zM10 4h4v16h-4zM15.5 4.5l3.9-1 3.6 15.5-3.9 1z',
  sequences: 'M9 18V5l11-2v13M9 18a3 3 0 1 1-6 0 3 3 0 0 1 6 0zM20 16a3 3 0 1 1-6 0 3 3 0 0 1 6 0z',
  journeys: 'M5 19a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM19 9a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM7 17h6a3 3 0 0 0 0-6h-2a3 3 0 0 1 0-6h6',
  operations: 'M3 12h4l3 8 4-16 3 8h4',
  'help-desk': 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 16a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM5.6 5.6l3.6 3.6M14.8 14.8l3.6 3.6M18.4 5.6l-3.6 3.6M9.2 14.8l-3.6 3.6',
  support: 'M4 13a8 8 0 0 1 16 0v4a2 2 0 0 1-2 2h-2v-6h4M4 13v4a2 2 0 0 0 2 2h2v-6H4',
  toolkit: 'M14.7 6.3a4 4 0 0 0-5.4 5.4L3 18l3 3 6.3-6.3a4 4 0 0 0 5.4-5.4l-2.5 2.5-2.4-.6-.6-2.4z',
  admin: 'M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6zM9 12l2 2 4-4',
  logo: 'M5 6a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM19 14a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM5 22a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM6.5 5.5l11 5M6.5 18.5l11-5M5 6v12',
};

export function Icon({ name, ...props }: { name: IconName } & SVGProps<SVGSVGElement>) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      <path d={paths[name]} />
    </svg>
  );
}
