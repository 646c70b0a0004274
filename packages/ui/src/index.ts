export { cx } from "./cx.ts";
export { contrastRatio, relativeLuminance } from "./contrast.ts";
export { describedBy, fieldIds, isCurrentPath, type NavItem } from "./nav.ts";
export { AppShell, type AppShellProps } from "./components/app-shell.tsx";
export { Badge, toneClasses, type BadgeProps, type Tone } from "./components/badge.tsx";
export {
  Button,
  buttonClasses,
  type ButtonProps,
  type ButtonVariant,
} from "./components/button.tsx";
export { Card, type CardProps } from "./components/card.tsx";
export { DataTable, type Column, type DataTableProps } from "./components/data-table.tsx";
export { DescriptionList, type DescriptionListProps } from "./components/description-list.tsx";
export { EmptyState, type EmptyStateProps } from "./components/empty-state.tsx";
export { FormField, type FormFieldProps } from "./components/form-field.tsx";
export { PageHeader, type PageHeaderProps } from "./components/page-header.tsx";
export { SkipLink, type SkipLinkProps } from "./components/skip-link.tsx";
export {
  Alert,
  Toast,
  ToastRegion,
  type AlertProps,
  type ToastProps,
  type ToastRegionProps,
} from "./components/toast.tsx";
